import { defineRule } from '../../../src/core/rule.js';
import { unitsOf } from '../../../src/languages/systemd/index.js';
import { code } from '../../../src/rules/support/commands.js';

const LSB_FUNCTIONS = /^\/lib\/lsb\/init-functions$/;
const INIT_D = /^\/etc\/(rc\.d\/)?init\.d\/[^/\s]+/;

export default defineRule({
  meta: {
    id: 'systemd/sysv-init',
    title: 'SysV init scripts and Debian init helpers',
    category: 'systemd',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 3,
  },
  create(ctx) {
    const absent = (span: { start: number; end: number }, exact: boolean, what: string, instead: string) =>
      ctx.report({
        span,
        exact,
        severity: 'error',
        blocker: true,
        message: `${what} does not exist on Azure Linux 4.0.`,
        why: 'The Debian LSB helpers (/lib/lsb/init-functions, update-rc.d, invoke-rc.d from init-system-helpers) are not shipped; only chkconfig and the Fedora /etc/rc.d/init.d/functions exist, and SysV scripts themselves are deprecated in systemd 258.',
        action: instead,
      });
    return {
      command(cmd) {
        if (cmd.base === 'update-rc.d') {
          absent(cmd.nameWord.span, cmd.exact, code('update-rc.d'), 'Ship a systemd unit and use `systemctl enable <name>` (or `systemctl disable`).');
        } else if (cmd.base === 'invoke-rc.d') {
          absent(cmd.nameWord.span, cmd.exact, code('invoke-rc.d'), 'Use `systemctl start|stop|restart <name>`.');
        } else if ((cmd.base === '.' || cmd.base === 'source') && cmd.args[0]?.value && LSB_FUNCTIONS.test(cmd.args[0].value)) {
          absent(cmd.args[0].span, cmd.args[0].exact, code('/lib/lsb/init-functions'), 'Replace the init script with a systemd unit; log_daemon_msg/start-stop-daemon have no equivalent on Azure Linux 4.0.');
        } else if (cmd.base === 'start-stop-daemon') {
          absent(cmd.nameWord.span, cmd.exact, code('start-stop-daemon'), 'Let systemd start and stop the daemon (a unit with Type=exec or Type=notify).');
        }
      },
      end() {
        if (ctx.facts.kind === 'shell') {
          const text = ctx.facts.source.text;
          const m = /^### BEGIN INIT INFO[ \t]*$/m.exec(text);
          if (m) {
            ctx.report({
              span: { start: m.index, end: m.index + m[0].length },
              message: 'This is a SysV init script (LSB header); systemd 258 runs such scripts only through a compatibility generator that is removed in v259.',
              why: 'Support for System V service scripts is deprecated in systemd 258 and will be removed in v259; Azure Linux 4.0 still sets the sysv-init path (/etc/rc.d/init.d), but /etc/init.d exists only when chkconfig is installed.',
              action: 'Write a native systemd unit (`/etc/systemd/system/<name>.service`) with ExecStart= running the daemon in the foreground, and `systemctl enable --now <name>`.',
            });
          }
        }
        for (const u of unitsOf(ctx.facts)) {
          const forking = u.directives.some((d) => d.key === 'Type' && d.value === 'forking');
          if (!forking) continue;
          for (const d of u.directives) {
            if (!d.key.startsWith('Exec') || !INIT_D.test(d.value.replace(/^[-@:+!|]+/, ''))) continue;
            ctx.report({
              span: d.valueSpan,
              exact: d.exact,
              message: `${d.key}= wraps a SysV init script in a Type=forking unit.`,
              why: 'The wrapped script usually sources Debian helpers (/lib/lsb/init-functions, start-stop-daemon) that Azure Linux 4.0 does not have, and SysV scripts are deprecated in systemd 258.',
              action: 'Run the daemon directly: ExecStart=/usr/sbin/<daemon> --foreground with Type=exec (or Type=notify), and drop the init script.',
            });
          }
        }
      },
      path(p) {
        if (p.path !== '/etc/rc.local' && p.path !== '/etc/rc.d/rc.local') return;
        ctx.report({
          span: p.span,
          exact: p.exact,
          severity: 'info',
          message: `${code(p.path)} runs at boot only through systemd's rc-local compatibility, and only when it is executable.`,
          why: 'systemd starts rc-local.service only if /etc/rc.d/rc.local (/etc/rc.local) exists and is executable; the SysV compatibility it belongs to is deprecated in systemd 258. Verify on Azure Linux 4.0.',
          action: 'Move the commands to a oneshot systemd unit (Type=oneshot, RemainAfterExit=yes, WantedBy=multi-user.target).',
        });
      },
    };
  },
});
