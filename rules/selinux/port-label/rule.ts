import { defineRule } from '../../../src/core/rule.js';
import type { ShellCommand } from '../../../src/core/facts.js';
import { code } from '../../../src/rules/support/commands.js';
import { contentMatches, groupSpan, writtenFiles } from '../../../src/rules/support/text.js';

/** Ports the targeted policy labels for web servers (http_port_t, http_cache_port_t) and SSH (ssh_port_t). */
const HTTP_PORTS = new Set([80, 81, 443, 488, 8008, 8009, 8443, 9000, 8080, 8118, 8123, ...Array.from({ length: 10 }, (_, i) => 10001 + i)]);
const WEB = /^\s*(listen|Listen)\s+(?:[^\s;:]*:|\[[^\]]*\]:)?(\d{2,5})\b/dg;
const SSH = /^\s*(Port)\s+(\d{2,5})\b/dg;

export default defineRule({
  meta: {
    id: 'selinux/port-label',
    title: 'A service configured on a port its SELinux domain may not bind (needs semanage port)',
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
    const labelled: [number, number][] = [];
    const isLabelled = (p: number) => labelled.some(([lo, hi]) => lo <= p && p <= hi);
    return {
      command(cmd) {
        cmds.push(cmd);
        if (cmd.base === 'semanage' && cmd.args[0]?.value === 'port') {
          for (const a of cmd.args) if (/^\d+(-\d+)?$/.test(a.value ?? '')) {
            const [lo, hi] = a.value!.split('-').map(Number);
            labelled.push([lo!, hi ?? lo!]);
          }
        }
      },
      end() {
        const files = writtenFiles(cmds, ctx.facts.source);
        const web = contentMatches(files, WEB, (p) => p === '' || /^\/etc\/(nginx|httpd)\//.test(p)).map((c) => ({ c, svc: 'nginx/httpd', type: 'http_port_t' }));
        const ssh = contentMatches(files, SSH, (p) => /^\/etc\/ssh\/sshd_config/.test(p)).map((c) => ({ c, svc: 'sshd', type: 'ssh_port_t' }));
        for (const { c, svc, type } of [...web, ...ssh]) {
          const port = Number(c.m[2]);
          if (isLabelled(port) || (type === 'http_port_t' ? HTTP_PORTS.has(port) : port === 22)) continue;
          ctx.report({
            span: groupSpan(c, 2),
            exact: c.exact,
            message: `${svc} is configured to listen on port ${port}, which is not labelled ${code(type)}: SELinux denies the bind and the service does not start.`,
            why: 'Azure Linux 4.0 runs the targeted SELinux policy, and non-default ports need `semanage port -a` (knowledge sheet §2 "SELinux", marked UNCONFIRMED there: standard targeted-policy behaviour, not tested on AZL4).',
            action: `Label the port: \`semanage port -a -t ${type} -p tcp ${port}\` (or \`-m\` if another type already owns it), or use a standard port. Also open it in firewalld (\`firewall-cmd --permanent --add-port=${port}/tcp\`).`,
          });
        }
      },
    };
  },
});
