import { defineRule } from '../../../src/core/rule.js';
import type { ShellCommand } from '../../../src/core/facts.js';
import { contentMatches, groupSpan, writtenFiles } from '../../../src/rules/support/text.js';

const SERVICES: Record<string, number[]> = { http: [80], https: [443], ssh: [22], 'http3': [443], 'http-alt': [8080] };
const WEB = /^\s*(listen|Listen)\s+(?:[^\s;:]*:|\[[^\]]*\]:)?(\d{2,5})\b/dg;
const SSH = /^\s*(Port)\s+(\d{2,5})\b/dg;

export default defineRule({
  meta: {
    id: 'conventions/firewalld-port',
    title: 'A service listens on a port that firewalld (enabled, deny-inbound) does not open',
    category: 'conventions',
    severity: 'warning',
    blocker: false,
    fixable: false,
    unconfirmed: true,
    kinds: ['shell', 'systemd', 'cloud-init', 'ansible'],
    effort: 1,
  },
  create(ctx) {
    const cmds: ShellCommand[] = [];
    const open: [number, number][] = [[22, 22]];
    const isOpen = (p: number) => open.some(([lo, hi]) => lo <= p && p <= hi);
    let firewallOff = false;
    return {
      command(cmd) {
        cmds.push(cmd);
        if (cmd.base === 'firewall-cmd' || cmd.base === 'firewall-offline-cmd') {
          for (let i = 0; i < cmd.args.length; i++) {
            const v = cmd.args[i]!.value ?? '';
            const next = cmd.args[i + 1]?.value ?? '';
            const port = /^--add-port=(\d+)(?:-(\d+))?\//.exec(v) ?? (v === '--add-port' ? /^(\d+)(?:-(\d+))?\//.exec(next) : null);
            if (port) open.push([Number(port[1]), Number(port[2] ?? port[1])]);
            const svc = /^--add-service=(.+)$/.exec(v)?.[1] ?? (v === '--add-service' ? next : undefined);
            if (svc) for (const s of svc.split(',')) for (const p of SERVICES[s] ?? []) open.push([p, p]);
          }
        }
        if (cmd.base === 'systemctl' && cmd.args.some((a) => /^(disable|stop|mask)$/.test(a.value ?? '')) && cmd.args.some((a) => /^firewalld(\.service)?$/.test(a.value ?? ''))) firewallOff = true;
      },
      end() {
        if (firewallOff) return;
        const files = writtenFiles(cmds, ctx.facts.source);
        const web = contentMatches(files, WEB, (p) => p === '' || /^\/etc\/(nginx|httpd)\//.test(p)).map((c) => ({ c, svc: 'nginx/httpd' }));
        const ssh = contentMatches(files, SSH, (p) => /^\/etc\/ssh\/sshd_config/.test(p)).map((c) => ({ c, svc: 'sshd' }));
        for (const { c, svc } of [...web, ...ssh]) {
          const port = Number(c.m[2]);
          if (isOpen(port)) continue;
          ctx.report({
            span: groupSpan(c, 2),
            exact: c.exact,
            message: `${svc} listens on port ${port}, but firewalld is enabled on Azure Linux 4.0 and only SSH is open: clients cannot connect until the port is opened.`,
            why: 'firewalld is enabled by preset with the nftables backend; Learn describes "deny-inbound, allow-outbound" (SSH allowed). Knowledge sheet §2 "Networking, firewall, time, cron, logging" [M:90-default.preset; L:architecture; L:security-overview]. A later image definition no longer lists firewalld (UNCONFIRMED which one is public), hence a warning.',
            action: `Open it: \`firewall-cmd --permanent --add-port=${port}/tcp && firewall-cmd --reload\`${port === 80 || port === 443 ? ` (or \`--add-service=${port === 80 ? 'http' : 'https'}\`)` : ''}.`,
          });
        }
      },
    };
  },
});
