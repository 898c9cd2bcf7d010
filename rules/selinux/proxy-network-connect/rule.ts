import { defineRule } from '../../../src/core/rule.js';
import type { ShellCommand } from '../../../src/core/facts.js';
import { code } from '../../../src/rules/support/commands.js';
import { contentMatches, groupSpan, isNginxOrHttpdConf, writtenFiles } from '../../../src/rules/support/text.js';

const PROXY = /^\s*(proxy_pass|fastcgi_pass|uwsgi_pass|grpc_pass|scgi_pass|ProxyPass(?:Match)?\s+\S+)\s+"?((?:https?|grpcs?|ajp|fcgi|ws|wss):\/\/[^\s;"]+|[\w.-]+:\d+)/dg;
const BOOLEANS = /^(httpd_can_network_connect|httpd_can_network_relay|httpd_can_network_connect_db)$/;

export default defineRule({
  meta: {
    id: 'selinux/proxy-network-connect',
    title: 'Reverse proxy in nginx/httpd without the SELinux boolean httpd_can_network_connect',
    category: 'selinux',
    severity: 'warning',
    blocker: false,
    fixable: false,
    unconfirmed: true,
    kinds: ['shell', 'systemd', 'cloud-init', 'ansible'],
    effort: 1,
  },
  create(ctx) {
    const cmds: ShellCommand[] = [];
    let allowed = false;
    return {
      command(cmd) {
        cmds.push(cmd);
        if (cmd.base === 'setsebool' && cmd.args.some((a) => BOOLEANS.test((a.value ?? '').split('=')[0]!))) allowed = true;
      },
      end() {
        if (allowed) return;
        for (const c of contentMatches(writtenFiles(cmds, ctx.facts.source), PROXY, isNginxOrHttpdConf)) {
          if (/^(\w+:\/\/)?unix:/.test(c.m[2]!)) continue;
          ctx.report({
            span: groupSpan(c, 2),
            exact: c.exact,
            message: `${code(c.m[1]!.split(/\s/)[0]!)} forwards to ${code(c.m[2]!)}; under SELinux nginx/httpd may not open outgoing connections unless ${code('httpd_can_network_connect')} is on (502 Bad Gateway, "Permission denied" in the error log).`,
            why: 'Azure Linux 4.0 runs the targeted SELinux policy (knowledge sheet §2 "SELinux" [M:specs/s/selinux-policy/selinux-policy.spec]); in that policy the web server domain httpd_t (used by nginx and httpd) may connect to arbitrary ports only with the boolean httpd_can_network_connect (fedora-selinux/selinux-policy policy/modules/contrib/apache.te). Not tested on AZL4: UNCONFIRMED.',
            action: 'Run `setsebool -P httpd_can_network_connect on` in the provisioning step (or `httpd_can_network_connect_db` for database ports), or proxy to a unix socket.',
          });
        }
      },
    };
  },
});
