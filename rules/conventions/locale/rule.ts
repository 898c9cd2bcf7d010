import type { ShellCommand } from '../../../src/core/facts.js';
import type { Fix } from '../../../src/core/types.js';
import { canFix } from '../../../src/rules/support/fixes.js';
import { withStageSafety } from '../../../src/rules/support/pkgfix.js';
import { channelOf } from '../../../src/knowledge/catalog.js';

/**
 * `locale-gen en_US.UTF-8 de_DE.UTF-8` -> `dnf install -y glibc-langpack-en glibc-langpack-de`, when every
 * locale names a language whose langpack is a base-channel package (knowledge sheet §2 "Locale").
 */
function localeGenFix(cmd: ShellCommand, text: string): Fix | undefined {
  void text;
  if (!canFix(cmd) || cmd.args.length === 0) return undefined;
  const packs: string[] = [];
  for (const a of cmd.args) {
    const m = /^([a-z]{2,3})(_[A-Z]{2})?(\.(UTF-8|utf8))?$/.exec(a.value ?? '');
    if (!m) return undefined;
    const pkg = `glibc-langpack-${m[1]}`;
    if (channelOf(pkg) !== 'base') return undefined;
    if (!packs.includes(pkg)) packs.push(pkg);
  }
  const last = cmd.args[cmd.args.length - 1]!;
  return { title: `Install ${packs.join(' ')}`, safety: 'safe', edits: [{ span: { start: cmd.nameWord.span.start, end: last.span.end }, text: `dnf install -y ${packs.join(' ')}` }] };
}

import { commandPathRule, code } from '../../../src/rules/support/simple.js';

const WHY =
  'Azure Linux 4.0 has no `locale-gen` or Debian locale files: locales come from glibc-langpack-<lang> (or glibc-all-langpacks) packages, the system locale is set with `localectl` (/etc/locale.conf) and the time zone with `timedatectl` (/etc/localtime). Knowledge sheet §2 "Locale" [M:specs/g/glibc/glibc.spec; M:base.packages.toml].';

export default commandPathRule(
  {
    id: 'conventions/locale',
    title: 'Debian locale and time-zone tools and files (locale-gen, update-locale, /etc/locale.gen, /etc/timezone)',
    category: 'conventions',
    severity: 'error',
    blocker: true,
    fixable: 'safe',
    effort: 1,
  },
  {
    why: WHY,
    commands: [
      {
        names: ['locale-gen'],
        message: () => `${code('locale-gen')} does not exist on Azure Linux 4.0.`,
        action: 'Install the language pack instead: `dnf install -y glibc-langpack-en` (one per language, or glibc-all-langpacks); C.UTF-8 is always available.',
        fix: (c, text, facts) => withStageSafety(facts, c, localeGenFix(c, text)),
      },
      {
        names: ['update-locale'],
        message: () => `${code('update-locale')} is Debian's; it does not exist on Azure Linux 4.0.`,
        action: 'Use `localectl set-locale LANG=en_US.UTF-8` on a VM, or `ENV LANG=C.UTF-8` in a container.',
      },
    ],
    paths: [
      {
        re: /^\/etc\/locale\.gen$|^\/etc\/default\/locale$/,
        message: (r) => `${code(r.path)} is a Debian locale file; Azure Linux 4.0 does not read it.`,
        action: 'Install glibc-langpack-<lang> for the locales you need, and set the default with `localectl set-locale` (/etc/locale.conf).',
        severity: 'warning',
        blocker: false,
      },
      {
        re: /^\/etc\/timezone$/,
        mode: 'write',
        message: () => `${code('/etc/timezone')} is Debian's time-zone file; Azure Linux 4.0 ignores it.`,
        action: 'Use `timedatectl set-timezone Europe/Paris`, or `ln -sf /usr/share/zoneinfo/Europe/Paris /etc/localtime` in a container (install tzdata there).',
        severity: 'warning',
        blocker: false,
      },
    ],
  },
);
