import { defineRule } from '../../../src/core/rule.js';
import type { ShellCommand, Word } from '../../../src/core/facts.js';
import { code } from '../../../src/rules/support/commands.js';
import { inLanguageImage } from '../../../src/rules/support/text.js';

const WHY =
  'Azure Linux 4.0 ships python3-pip (rpm-base) with no EXTERNALLY-MANAGED marker, and Fedora\'s patch 00251 makes `sudo pip install` install into /usr/local, next to (and shadowing) RPM-installed Python packages. Knowledge sheet §2 "Python" [M:specs/p/python3.14/python3.14.spec].';

/** The `install` word of a pip invocation (`pip install`, `pip3 install`, `python3 -m pip install`). */
function pipInstall(cmd: ShellCommand): Word | undefined {
  let args = cmd.args;
  if (/^python[\d.]*$/.test(cmd.base)) {
    const m = args.findIndex((a) => a.value === '-m');
    if (m < 0 || args[m + 1]?.value !== 'pip') return undefined;
    args = args.slice(m + 2);
  } else if (!/^pip[\d.]*$/.test(cmd.base)) return undefined;
  const sub = args.find((a) => !(a.value ?? '').startsWith('-'));
  return sub?.value === 'install' ? sub : undefined;
}

export default defineRule({
  meta: {
    id: 'python/pip-system',
    title: 'System-wide pip installs (sudo pip install, --break-system-packages)',
    category: 'python',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 1,
  },
  create(ctx) {
    return {
      command(cmd) {
        if (inLanguageImage(ctx.facts, cmd)) return; // python:3.x and similar images bring their own interpreter
        const sub = pipInstall(cmd);
        if (!sub) return;
        const bsp = cmd.args.find((a) => a.value === '--break-system-packages');
        if (bsp) {
          ctx.report({
            span: bsp.span,
            exact: bsp.exact,
            severity: 'info',
            message: `${code('--break-system-packages')} is not needed on Azure Linux 4.0 (there is no EXTERNALLY-MANAGED marker), and it still mixes pip packages into the system Python.`,
            why: WHY,
            action: 'Install into a virtual environment (`python3 -m venv /opt/app/venv && /opt/app/venv/bin/pip install ...`), or use the python3-NAME RPM.',
          });
          return;
        }
        const userOrTarget = cmd.args.some((a) => /^(--user|--target|-t|--prefix|--root)(=|$)/.test(a.value ?? ''));
        if (userOrTarget || !cmd.wrappers.includes('sudo')) return;
        ctx.report({
          span: { start: cmd.nameWord.span.start, end: sub.span.end },
          exact: cmd.exact,
          message: `${code('sudo ' + cmd.base + ' install')} installs into the system Python (/usr/local on Azure Linux 4.0), where it can shadow or break RPM-managed packages such as dnf5's and cloud-init's dependencies.`,
          why: WHY,
          action: 'Use a virtual environment for the application (`python3 -m venv`), `pip install --user` for a user tool, or the python3-NAME RPM for system tools.',
        });
      },
    };
  },
});
