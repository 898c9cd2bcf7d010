import { defineRule } from '../../../src/core/rule.js';
import { unitsOf } from '../../../src/languages/systemd/index.js';
import { EXEC_KEYS, execCommand } from '../../../src/languages/systemd/parse.js';
import { code } from '../../../src/rules/support/commands.js';

/** Places whose default SELinux labels (user_home_t, admin_home_t, tmp_t, user_tmp_t) init_t may not execute. */
const DENIED = /^\/(home|root|tmp|var\/tmp|dev\/shm|run\/user)(\/|$)/;

export default defineRule({
  meta: {
    id: 'systemd/exec-path-selinux',
    title: 'Service runs a program or works in a directory that SELinux does not let systemd use',
    category: 'selinux',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 2,
    unconfirmed: true,
  },
  create(ctx) {
    const report = (span: { start: number; end: number }, exact: boolean, what: string, path: string) =>
      ctx.report({
        span,
        exact,
        message: `${what} ${code(path)}, which is under ${path.split('/').slice(0, path.startsWith('/var/tmp') || path.startsWith('/dev/shm') || path.startsWith('/run/user') ? 3 : 2).join('/')}: SELinux (enforcing on Azure Linux 4.0) labels files there so that systemd may not ${what.startsWith('Exec') ? 'execute them' : 'use them for a service'}.`,
        why: 'With the targeted policy, files in home directories, /root and temporary directories carry user_home_t, admin_home_t or tmp_t; init_t has no permission to execute them or to start a service from them, so the unit fails with "Permission denied" (status=203/EXEC or 200/CHDIR) even though it works on Ubuntu.',
        action: 'Install the program under /usr/local/bin or /opt/<app> (and run `restorecon -Rv` on it), or label it with `semanage fcontext -a -t bin_t "<dir>(/.*)?"` + `restorecon`.',
        evidence: path,
      });
    return {
      end() {
        for (const u of unitsOf(ctx.facts)) {
          for (const d of u.directives) {
            if (d.key === 'WorkingDirectory' || d.key === 'RootDirectory') {
              const v = d.value.replace(/^-/, '');
              if (DENIED.test(v)) report(d.valueSpan, d.exact, `${d.key}= is`, v);
              continue;
            }
            if (!EXEC_KEYS.has(d.key) || d.reset) continue;
            const ex = execCommand(d);
            const m = /^\s*("?)(\/[^\s"]+)\1/.exec(ex.source.text);
            if (!m || !DENIED.test(m[2]!)) continue;
            const start = m.index + m[0].length - m[2]!.length - m[1]!.length;
            const h = ex.source.toHost({ start, end: start + m[2]!.length });
            report(h.span, h.exact && d.exact, `${d.key}= runs`, m[2]!);
          }
        }
      },
    };
  },
});
