import { commandPathRule, code } from '../../../src/rules/support/simple.js';

const WHY =
  'Azure Linux 4.0 has no ufw; firewalld is enabled by preset with the nftables backend and denies inbound traffic except SSH; `iptables` is iptables-nft, and Debian\'s iptables-persistent/netfilter-persistent does not exist. Knowledge sheet §2 "Networking, firewall, time, cron, logging" [M:90-default.preset; L:architecture; CALC M lists].';

export default commandPathRule(
  {
    id: 'conventions/firewall',
    title: 'ufw and iptables-persistent firewall setup (Azure Linux 4.0 uses firewalld)',
    category: 'conventions',
    severity: 'error',
    blocker: true,
    fixable: false,
    effort: 2,
  },
  {
    why: WHY,
    commands: [
      {
        names: ['ufw'],
        message: (c) => `${code('ufw' + (c.args[0]?.value ? ' ' + c.args[0].value : ''))}: ufw does not exist on Azure Linux 4.0, and firewalld (enabled) keeps blocking the port.`,
        action: 'Use firewalld: `firewall-cmd --permanent --add-port=8080/tcp` (or `--add-service=https`) and `firewall-cmd --reload`.',
      },
      {
        names: ['netfilter-persistent', 'iptables-persistent'],
        message: (c) => `${code(c.base)} is Debian's; it does not exist on Azure Linux 4.0.`,
        action: 'Keep rules in firewalld (`firewall-cmd --permanent ...`) so they survive reboots.',
      },
    ],
    paths: [
      {
        re: /^\/etc\/iptables\/rules\.v[46]$|^\/etc\/ufw(?=\/|$)/,
        message: (r) => `${code(r.path)} belongs to ${r.path.startsWith('/etc/ufw') ? 'ufw' : 'iptables-persistent'}, which Azure Linux 4.0 does not have: these rules are not loaded at boot.`,
        action: 'Express the rules with firewalld (`firewall-cmd --permanent`, zones and rich rules).',
        severity: 'warning',
        blocker: false,
      },
    ],
  },
);
