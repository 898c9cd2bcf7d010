import { defineRule } from '../../../src/core/rule.js';
import { ansibleOf } from '../../../src/languages/ansible/facts.js';
import { code } from '../../../src/rules/support/commands.js';

/** systemd's main configuration files, which are empty %ghost files on Azure Linux 4.0 (defaults in /usr/lib/systemd). */
export const SYSTEMD_CONF = /^\/etc\/systemd\/(journald|system|user|logind|resolved|networkd|timesyncd|coredump|oomd|sleep|homed|pstore|journal-remote|journal-upload|journal-upload)\.conf$/;

function dropIn(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return `/etc/systemd/${name}.d/50-local.conf`;
}

export default defineRule({
  meta: {
    id: 'systemd/etc-conf-edit',
    title: 'In-place edits of /etc/systemd/*.conf, which is empty on Azure Linux 4.0',
    category: 'systemd',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 1,
  },
  create(ctx) {
    const report = (span: { start: number; end: number }, exact: boolean, path: string, how: string) =>
      ctx.report({
        span,
        exact,
        message: `${how} ${code(path)}, which is an empty placeholder on Azure Linux 4.0: the change ${how.startsWith('appends') ? 'lands outside any [Section] and is ignored' : 'finds nothing to edit'}.`,
        why: 'Azure Linux 4.0 builds systemd with its defaults in /usr/lib/systemd/*.conf; the /etc/systemd/*.conf files are 0-byte %ghost files, so `sed -i` or lineinfile finds no commented default to change, and an appended `Key=value` has no section header.',
        action: `Write a drop-in instead, e.g. ${code(dropIn(path))} containing the section header ([Journal], [Login], [Resolve], [Manager], ...) and your settings, then restart the service.`,
        evidence: path,
      });
    return {
      path(p) {
        if (!SYSTEMD_CONF.test(p.path) || !p.command) return;
        const cmd = p.command;
        if (p.context === 'redirect') {
          const r = cmd.redirects.find((x) => x.target.span.start === p.span.start);
          if (r?.op === '>>') report(p.span, p.exact, p.path, 'appends to');
          return;
        }
        if (cmd.base === 'sed' && cmd.args.some((a) => /^-[a-zA-Z]*i/.test(a.value ?? '') || (a.value ?? '').startsWith('--in-place'))) report(p.span, p.exact, p.path, '`sed -i` edits');
        else if (cmd.base === 'tee' && cmd.args.some((a) => a.value === '-a' || a.value === '--append')) report(p.span, p.exact, p.path, 'appends to');
        else if (cmd.base === 'crudini' || cmd.base === 'augtool' || cmd.base === 'perl') report(p.span, p.exact, p.path, `${code(cmd.base)} edits`);
      },
      end() {
        for (const t of ansibleOf(ctx.facts)?.tasks ?? []) {
          const m = t.module.replace(/^ansible\.builtin\.|^community\.general\./, '');
          if (!['lineinfile', 'replace', 'blockinfile'].includes(m)) continue;
          const p = t.args.get('path') ?? t.args.get('dest') ?? t.args.get('name');
          if (p?.value && SYSTEMD_CONF.test(p.value)) report(p.span, p.exact, p.value, `\`${m}\` edits`);
        }
        for (const w of (ctx.facts as { writeFiles?: { path: string; append: boolean; pathSpan: { start: number; end: number }; exact: boolean }[] }).writeFiles ?? []) {
          if (w.append && SYSTEMD_CONF.test(w.path)) report(w.pathSpan, w.exact, w.path, 'appends to');
        }
      },
    };
  },
});
