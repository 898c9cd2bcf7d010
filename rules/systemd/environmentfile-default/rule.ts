import { defineRule } from '../../../src/core/rule.js';
import { unitsOf } from '../../../src/languages/systemd/index.js';
import { ansibleOf } from '../../../src/languages/ansible/facts.js';
import { writeFilesOf } from '../../../src/languages/cloudinit/facts.js';
import { code } from '../../../src/rules/support/commands.js';

/** Files this file itself creates: then the /etc/default path is the project's own and portable. */
function writtenPaths(facts: Parameters<typeof ansibleOf>[0]): Set<string> {
  const out = new Set<string>();
  for (const p of facts.paths) if (p.context === 'redirect' || p.context === 'copy-dest' || (p.command && ['cp', 'install', 'tee', 'mv', 'ln'].includes(p.command.base))) out.add(p.path);
  for (const t of ansibleOf(facts)?.tasks ?? []) {
    const d = t.args.get('dest')?.value ?? t.args.get('path')?.value;
    if (d) out.add(d);
  }
  for (const w of writeFilesOf(facts)) out.add(w.path);
  return out;
}

export default defineRule({
  meta: {
    id: 'systemd/environmentfile-default',
    title: 'EnvironmentFile= under /etc/default follows the Debian convention',
    category: 'conventions',
    severity: 'info',
    blocker: false,
    fixable: false,
    effort: 1,
  },
  create(ctx) {
    return {
      end() {
        const written = writtenPaths(ctx.facts);
        for (const u of unitsOf(ctx.facts)) {
          for (const d of u.directives) {
            if (d.key !== 'EnvironmentFile') continue;
            const m = /^(-?)(\/etc\/default\/(\S+))$/.exec(d.value);
            if (!m || written.has(m[2]!)) continue;
            const optional = m[1] === '-';
            ctx.report({
              span: d.valueSpan,
              exact: d.exact,
              message: `EnvironmentFile=${m[1]}${m[2]} reads a Debian-style defaults file; Fedora-family packages use /etc/sysconfig/${m[3]}.`,
              why: `/etc/default/ is where Debian packages keep service defaults; RPM packages ship theirs in /etc/sysconfig/. The path still works if something creates the file${optional ? ' (and the leading "-" makes a missing file harmless, so settings are silently absent)' : '; if nothing does, the unit fails to start'}.`,
              action: `Make sure your deployment writes ${code(m[2]!)}, or move it to ${code(`/etc/sysconfig/${m[3]}`)} where RPM packages look.`,
            });
          }
        }
      },
    };
  },
});
