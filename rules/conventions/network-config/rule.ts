import { commandPathRule, code } from '../../../src/rules/support/simple.js';

const WHY =
  'Azure Linux 4.0 VMs configure the network with systemd-networkd (+ cloud-init) and resolve names with systemd-resolved; netplan, ifupdown (/etc/network/interfaces) and network-scripts (ifcfg) are not installed, NetworkManager is available but not installed or default, and /etc/resolv.conf is a link to the resolved stub. Knowledge sheet §2 "Networking, firewall, time, cron, logging" [L:architecture; M:vm-base.kiwi; M:90-default.preset].';

export default commandPathRule(
  {
    id: 'conventions/network-config',
    title: 'Network configuration for netplan, ifupdown, NetworkManager or a static resolv.conf',
    category: 'conventions',
    severity: 'error',
    blocker: true,
    fixable: false,
    effort: 3,
  },
  {
    why: WHY,
    commands: [
      {
        names: ['netplan'],
        message: (c) => `${code('netplan' + (c.args[0]?.value ? ' ' + c.args[0].value : ''))}: netplan is not installed on Azure Linux 4.0, and networkd is configured directly.`,
        action: 'Write systemd-networkd files (/etc/systemd/network/*.network) and run `networkctl reload`; or, on first boot, use cloud-init network config.',
      },
      {
        names: ['ifup', 'ifdown', 'ifquery'],
        message: (c) => `${code(c.base)} is from ifupdown, which Azure Linux 4.0 does not have.`,
        action: 'Use `networkctl up|down IFACE` or `ip link set IFACE up|down`.',
      },
      {
        names: ['nmcli', 'nmtui'],
        message: (c) => `${code(c.base)} needs NetworkManager, which is not in the Azure Linux 4.0 image (systemd-networkd manages the network).`,
        action: 'Use systemd-networkd files and `networkctl`. Installing NetworkManager is possible but then two network managers compete for the NICs.',
        severity: 'warning',
        blocker: false,
      },
    ],
    paths: [
      {
        re: /^\/etc\/netplan(?=\/|$)|^\/etc\/network\/interfaces(\.d)?(?=\/|$)|^\/etc\/sysconfig\/network-scripts(?=\/|$)/,
        message: (r) => `${code(r.path)} is read by ${r.path.startsWith('/etc/netplan') ? 'netplan' : r.path.startsWith('/etc/sysconfig') ? 'network-scripts' : 'ifupdown'}, which is not installed on Azure Linux 4.0: this network configuration is never applied.`,
        action: 'Translate it to systemd-networkd: /etc/systemd/network/10-eth0.network with [Match] Name=eth0 and [Network] DHCP=yes or Address=/Gateway=/DNS=.',
      },
      {
        re: /^\/etc\/resolv\.conf$/,
        mode: 'write',
        message: () => `Writing ${code('/etc/resolv.conf')} replaces the systemd-resolved stub link on Azure Linux 4.0 (or is undone by it).`,
        action: 'Configure DNS in systemd-resolved: a drop-in /etc/systemd/resolved.conf.d/dns.conf with [Resolve] DNS=10.0.0.2, or DNS= in the .network file; then `systemctl restart systemd-resolved`. In containers the runtime manages the file (use --dns).',
        severity: 'warning',
        blocker: false,
      },
    ],
  },
);
