import { commandPathRule, code } from '../../../src/rules/support/simple.js';
import type { ShellCommand } from '../../../src/core/facts.js';
import type { Fix } from '../../../src/core/types.js';
import { canFix } from '../../../src/rules/support/fixes.js';

/**
 * `ufw allow PORT[/PROTO]` (or a PORT:PORT range) -> firewall-cmd --permanent --add-port + --reload. Unsafe:
 * firewalld zones differ from ufw's defaults. Anything else (service names, from/to rules) is left to a person.
 */
function ufwFix(cmd: ShellCommand, text: string): Fix | undefined {
  if (!canFix(cmd) || cmd.args.length !== 2 || cmd.args[0]!.value !== 'allow') return undefined;
  const m = /^(\d{1,5})(?::(\d{1,5}))?(?:\/(tcp|udp))?$/.exec(cmd.args[1]!.value ?? '');
  if (!m) return undefined;
  const port = m[2] ? `${m[1]}-${m[2]}` : m[1]!;
  const protos = m[3] ? [m[3]] : ['tcp', 'udp'];
  const prefix = text.slice(cmd.span.start, cmd.nameWord.span.start);
  const add = protos.map((p) => `--add-port=${port}/${p}`).join(' ');
  return {
    title: `Open ${port}/${protos.join(',')} with firewalld`,
    safety: 'unsafe',
    edits: [{ span: { start: cmd.nameWord.span.start, end: cmd.args[1]!.span.end }, text: `firewall-cmd --permanent ${add} && ${prefix}firewall-cmd --reload` }],
  };
}

const WHY =
  'Azure Linux 4.0 has no ufw; firewalld is enabled by preset with the nftables backend and denies inbound traffic except SSH; `iptables` is iptables-nft, and Debian\'s iptables-persistent/netfilter-persistent does not exist. Knowledge sheet §2 "Networking, firewall, time, cron, logging" [M:90-default.preset; L:architecture; CALC M lists].';

export default commandPathRule(
  {
    id: 'conventions/firewall',
    title: 'ufw and iptables-persistent firewall setup (Azure Linux 4.0 uses firewalld)',
    category: 'conventions',
    severity: 'error',
    blocker: true,
    fixable: 'unsafe',
    effort: 2,
  },
  {
    why: WHY,
    commands: [
      {
        names: ['ufw'],
        message: (c) => `${code('ufw' + (c.args[0]?.value ? ' ' + c.args[0].value : ''))}: ufw does not exist on Azure Linux 4.0, and firewalld (enabled) keeps blocking the port.`,
        action: 'Use firewalld: `firewall-cmd --permanent --add-port=8080/tcp` (or `--add-service=https`) and `firewall-cmd --reload`.',
        fix: (c, text) => ufwFix(c, text),
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
