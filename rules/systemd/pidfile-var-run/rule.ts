import { defineRule } from '../../../src/core/rule.js';
import { unitsOf } from '../../../src/languages/systemd/index.js';
import { code } from '../../../src/rules/support/commands.js';

export default defineRule({
  meta: {
    id: 'systemd/pidfile-var-run',
    title: 'PIDFile= below the legacy /var/run directory',
    category: 'systemd',
    severity: 'info',
    blocker: false,
    fixable: 'safe',
    effort: 1,
  },
  create(ctx) {
    return {
      end() {
        for (const u of unitsOf(ctx.facts)) {
          for (const d of u.directives) {
            if (d.key !== 'PIDFile' || !d.value.startsWith('/var/run/')) continue;
            const exact = d.exact && ctx.facts.source.slice(d.valueSpan) === d.value;
            const fixed = d.value.replace(/^\/var\/run\//, '/run/');
            ctx.report({
              span: d.valueSpan,
              exact,
              message: `PIDFile=${d.value} is below the legacy /var/run; systemd rewrites it to ${fixed} and logs a notice each time it loads the unit file.`,
              why: '/var/run is a symlink to /run (on Azure Linux 4.0 the filesystem package creates it); systemd rewrites the path and logs, at notice level, "PIDFile= references a path below legacy directory /var/run/, updating ..." each time it loads the unit file.',
              action: `Use ${code(`PIDFile=${fixed}`)} (and make the daemon write it there), or prefer Type=notify/Type=exec without a PID file.`,
              fix: exact ? { title: `Use ${fixed}`, safety: 'safe', edits: [{ span: { start: d.valueSpan.start, end: d.valueSpan.start + '/var/run/'.length }, text: '/run/' }] } : undefined,
            });
          }
        }
      },
    };
  },
});
