import { defineRule } from '../../../src/core/rule.js';
import type { ShellCommand } from '../../../src/core/facts.js';
import { code } from '../../../src/rules/support/commands.js';
import { contentMatches, groupSpan, isNginxOrHttpdConf, writtenFiles } from '../../../src/rules/support/text.js';

/** nginx and Apache directives that name content or log locations. */
const DIRECTIVE = /^\s*(root|alias|DocumentRoot|access_log|error_log|ErrorLog|CustomLog)\s+"?(\/[^\s;"]+)/dg;
/** Locations the targeted policy does not label for web servers (the list). */
const UNLABELLED = /^\/(srv\/(?![^/]+\/www(\/|$))[^/]+|opt|data|home|root|tmp|var\/tmp|mnt)(\/|$)/;

export default defineRule({
  meta: {
    id: 'selinux/web-content-label',
    title: 'Web content or logs in a directory the SELinux policy does not label for the web server',
    category: 'selinux',
    severity: 'warning',
    blocker: false,
    fixable: false,
    unconfirmed: true,
    kinds: ['shell', 'systemd', 'cloud-init', 'ansible'],
    effort: 2,
  },
  create(ctx) {
    const cmds: ShellCommand[] = [];
    const patterns: string[] = [];
    return {
      command(cmd) {
        cmds.push(cmd);
        if (cmd.base === 'semanage' && cmd.args[0]?.value === 'fcontext') {
          const last = cmd.args[cmd.args.length - 1];
          if (last?.value) patterns.push(last.value);
        }
      },
      end() {
        const covered = (p: string) => patterns.some((pat) => {
          const lit = pat.split(/[(\[*.?+\\]/)[0]!.replace(/\/$/, '');
          return lit.length > 1 && (p === lit || p.startsWith(lit + '/'));
        });
        for (const c of contentMatches(writtenFiles(cmds, ctx.facts.source), DIRECTIVE, isNginxOrHttpdConf)) {
          const dir = c.m[2]!;
          if (!UNLABELLED.test(dir) || covered(dir)) continue;
          const log = /log/i.test(c.m[1]!);
          const type = log ? 'httpd_log_t' : 'httpd_sys_content_t';
          const base = dir.replace(/\/[^/]*\.[a-z]+$/i, '').replace(/\/$/, '');
          ctx.report({
            span: groupSpan(c, 2),
            exact: c.exact,
            message: `${code(c.m[1]!)} points the web server at ${code(dir)}, which the targeted SELinux policy does not label ${code(type)}: nginx/httpd are denied ${log ? 'writing the log' : 'reading the content'} (403 or a failed start).`,
            why: 'Azure Linux 4.0 runs the targeted policy; it labels /var/www(/.*)?, /srv/*/www and /usr/share/nginx/html as httpd_sys_content_t and /var/log/nginx as httpd_log_t. Content elsewhere needs `semanage fcontext` + `restorecon`. Knowledge sheet §2 "SELinux" [fedora-selinux/selinux-policy policy/modules/contrib/apache.fc].',
            action: `Move it under /var/www (or /var/log/nginx, /var/log/httpd), or label it: \`semanage fcontext -a -t ${type} '${base}(/.*)?' && restorecon -Rv ${base}\`.`,
          });
        }
      },
    };
  },
});
