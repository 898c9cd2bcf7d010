import { defineRule } from '../../../src/core/rule.js';
import type { ShellCommand } from '../../../src/core/facts.js';
import type { Span } from '../../../src/core/source.js';
import { code } from '../../../src/rules/support/commands.js';
import { argWords, matchesInWord, pathMatch } from '../../../src/rules/support/text.js';

interface Soname {
  now: string;
  fix: string;
  /** The supported package that provides this soname, when there is one. */
  compat?: string;
}
/** Commands that only look for a library: not a dependency on it. */
const CHECKS = new Set(['test', '[', 'ls', 'stat', 'grep', 'egrep', 'find', 'ldd', 'readlink', 'file']);

const SONAMES: Record<string, Soname> = {
  'libcrypt.so.1': { now: 'libxcrypt provides libcrypt.so.2; libcrypt.so.1 comes from libxcrypt-compat (rpm-base)', fix: 'Install `libxcrypt-compat` (`dnf install -y libxcrypt-compat`), or rebuild against libcrypt.so.2.', compat: 'libxcrypt-compat' },
  'libnsl.so.1': { now: 'libnsl.so.1 is in the legacy libnsl package (rpm-base); libnsl2 provides libnsl.so.3', fix: 'Install `libnsl` (`dnf install -y libnsl`), or rebuild against libnsl2.', compat: 'libnsl' },
  'libncurses.so.5': { now: 'ncurses 6 provides libncurses.so.6; the .so.5 ABI is in ncurses-compat-libs, which is rpm-sdk only', fix: 'Rebuild against ncurses 6 (libncurses.so.6 / libtinfo.so.6); ncurses-compat-libs exists only in the unsupported rpm-sdk channel.' },
  'libncursesw.so.5': { now: 'ncurses 6 provides libncursesw.so.6; the .so.5 ABI is in ncurses-compat-libs, which is rpm-sdk only', fix: 'Rebuild against ncurses 6; ncurses-compat-libs exists only in rpm-sdk.' },
  'libtinfo.so.5': { now: 'ncurses 6 provides libtinfo.so.6; the .so.5 ABI is in ncurses-compat-libs, which is rpm-sdk only', fix: 'Rebuild against libtinfo.so.6; ncurses-compat-libs exists only in rpm-sdk.' },
  'libffi.so.6': { now: 'libffi provides libffi.so.8 only; there is no libffi3.1 compat package', fix: 'Rebuild against libffi.so.8 (current Python wheels and Ruby gems already are).' },
  'libffi.so.7': { now: 'libffi provides libffi.so.8 only; there is no compat package', fix: 'Rebuild against libffi.so.8.' },
  'libreadline.so.6': { now: 'readline 8 provides libreadline.so.8; there is no compat-readline package', fix: 'Rebuild against libreadline.so.8.' },
  'libreadline.so.7': { now: 'readline 8 provides libreadline.so.8; there is no compat-readline7 package', fix: 'Rebuild against libreadline.so.8.' },
  'libpython2.7.so.1.0': { now: 'there is no Python 2 at all', fix: 'Port to Python 3.14.' },
};
const RE = new RegExp(`(?<![\\w.])(${Object.keys(SONAMES).map((s) => s.replace(/\./g, '\\.')).join('|')})(?![\\w.])`, 'g');

export default defineRule({
  meta: {
    id: 'glibc/old-soname',
    title: 'Pinned old library sonames (libcrypt.so.1, libncurses.so.5, libffi.so.7, libreadline.so.7, ...)',
    category: 'glibc',
    severity: 'error',
    blocker: true,
    fixable: false,
    effort: 3,
  },
  create(ctx) {
    const installed = new Set(ctx.facts.packages.map((p) => p.name));
    const report = (span: Span, exact: boolean, name: string, cmd?: ShellCommand) => {
      const s = SONAMES[name]!;
      if (s.compat && installed.has(s.compat)) return;
      const faking = cmd?.base === 'ln';
      ctx.report({
        span,
        exact,
        severity: name === 'libcrypt.so.1' || name === 'libnsl.so.1' ? 'warning' : 'error',
        blocker: !(name === 'libcrypt.so.1' || name === 'libnsl.so.1'),
        message: faking
          ? `${code('ln')} fakes ${code(name)} with a symlink to a newer library; the ABI differs, so the program may crash instead of failing cleanly.`
          : `${code(name)} is an old soname: on Azure Linux 4.0 ${s.now}.`,
        why: 'Azure Linux 4.0 is Fedora 43 based with glibc 2.42: libcrypt was removed from glibc (libxcrypt provides libcrypt.so.2, libxcrypt-compat libcrypt.so.1); libnsl is the legacy subpackage; old ABIs of ncurses, libffi and readline are gone or rpm-sdk only. Knowledge sheet §2 "glibc 2.42" [GN 2.39; M:glibc.spec; M:base.packages.toml] and the package lists [M:base/packages/*.packages.toml].',
        action: s.fix,
        evidence: name,
      });
    };
    return {
      command(cmd) {
        if (CHECKS.has(cmd.base)) return;
        for (const w of argWords(cmd)) for (const h of matchesInWord(w, RE)) report(h.span, h.exact, h.m[1]!, cmd);
      },
      path(ref) {
        if (ref.command) return;
        const h = pathMatch(ref, new RegExp(RE.source), ctx.facts.source);
        if (h) report(h.span, h.exact, h.m[1]!);
      },
      assignment(a) {
        const v = ctx.facts.source.slice(a.valueSpan);
        for (const m of v.matchAll(RE)) report({ start: a.valueSpan.start + m.index, end: a.valueSpan.start + m.index + m[1]!.length }, true, m[1]!);
      },
    };
  },
});
