import { defineRule } from '../../../src/core/rule.js';
import { code, headSpan, parseArgs } from '../../../src/rules/support/commands.js';
import { contentMatches, isWrite, writtenFiles } from '../../../src/rules/support/text.js';
import type { ShellCommand } from '../../../src/core/facts.js';

const MANAGERS = new Set(['apt', 'apt-get', 'aptitude', 'dnf', 'dnf5', 'yum', 'tdnf', 'microdnf', 'zypper', 'apk']);
const CHANGES = /^(install|reinstall|upgrade|update|dist-upgrade|full-upgrade|remove|erase|purge|add|del|groupinstall|localinstall|in|up|rm|distro-sync|swap)$/;
const KERNEL = new Set(['dkms', 'akmods', 'insmod', 'grubby', 'grub2-mkconfig', 'grub-mkconfig', 'update-grub', 'dracut', 'mkinitrd', 'kernel-install']);
const WHY =
  'Azure Container Linux is an immutable AKS node OS (Flatcar-derived): there is no package manager, /usr is a read-only dm-verity volume checked at boot and run time, and Trusted Launch with Secure Boot and a signed UKI is required, so the kernel command line and initramfs cannot be changed on the node; updates are whole node images. /etc and /var stay writable (UNCONFIRMED for ACL specifics). Knowledge sheet §4 [L-AKS:azure-container-linux-overview; systemd-sysext(8); Flatcar docs].';
const ALTERNATIVE = 'Ship the tool in a container (a DaemonSet image, or run it with `ctr`/`crictl`), as a systemd-sysext image (/etc/extensions or /var/lib/extensions), or as a static binary under /opt/bin; keep configuration in /etc and state in /var.';

export default defineRule({
  meta: {
    id: 'platform/immutable-host',
    title: 'Package installs, /usr writes and kernel changes on the immutable Azure Container Linux host',
    category: 'platform',
    severity: 'error',
    blocker: true,
    fixable: false,
    // Node-level code only: CI steps run on runners, and Dockerfiles and app code (tsjs) run in containers.
    kinds: ['shell', 'systemd', 'cloud-init', 'ansible', 'python', 'terraform', 'bicep', 'arm'],
    effort: 5,
  },
  create(ctx) {
    const active = ctx.target.variant === 'immutable-host';
    const cmds: ShellCommand[] = [];
    return {
      command(cmd) {
        if (!active) return;
        cmds.push(cmd);
        if (MANAGERS.has(cmd.base)) {
          const p = parseArgs(cmd, new Set(['-o', '-c', '--setopt', '--enablerepo', '--disablerepo', '--repo', '--installroot', '--releasever', '-t', '--target-release']));
          if (!p.sub || !CHANGES.test(p.sub.value ?? '')) return;
          ctx.report({
            span: headSpan(cmd, p),
            exact: cmd.exact,
            message: `${code(`${cmd.base} ${p.sub.value}`)} cannot run on Azure Container Linux: the node has no package manager and a read-only /usr.`,
            why: WHY,
            action: ALTERNATIVE,
          });
        } else if ((cmd.base === 'rpm' || cmd.base === 'dpkg') && cmd.args.some((a) => /^-(i|U|F|e|-install|-upgrade|-erase|-purge|-remove)/.test(a.value ?? '') && !/^-(q|V)/.test(a.value ?? ''))) {
          ctx.report({ span: cmd.nameWord.span, exact: cmd.exact, message: `${code(cmd.base)} package changes are impossible on Azure Container Linux (read-only /usr, no package database to change).`, why: WHY, action: ALTERNATIVE });
        } else if (KERNEL.has(cmd.base) || (cmd.base === 'make' && cmd.args.some((a) => a.value === 'modules_install'))) {
          ctx.report({
            span: cmd.nameWord.span,
            exact: cmd.exact,
            message: `${code(cmd.base === 'make' ? 'make modules_install' : cmd.base)} changes the kernel, its modules or its command line; Azure Container Linux boots a signed UKI under Secure Boot, so node-level kernel changes are not possible.`,
            why: WHY,
            action: 'Use the kernel modules the node image ships, request the change in the node image, or move the workload to a node pool with a different OS SKU.',
          });
        } else if (/^(pip|pip3|pip3\.\d+)$/.test(cmd.base) && cmd.args.some((a) => a.value === 'install') && !cmd.args.some((a) => /^(--user|--target|-t|--prefix)/.test(a.value ?? ''))) {
          ctx.report({ span: cmd.nameWord.span, exact: cmd.exact, message: `${code(cmd.base + ' install')} writes into the system Python under /usr, which is read-only on Azure Container Linux.`, why: WHY, action: ALTERNATIVE });
        }
      },
      path(ref) {
        if (!active || !isWrite(ref) || !/^\/usr(\/|$)/.test(ref.path)) return;
        if (ref.command && (MANAGERS.has(ref.command.base) || ref.command.base === 'rpm')) return;
        ctx.report({
          span: ref.span,
          exact: ref.exact,
          message: `Writing ${code(ref.path)} fails on Azure Container Linux: /usr is a read-only dm-verity volume.`,
          why: WHY,
          action: `${ALTERNATIVE} Units go to /etc/systemd/system, CA certificates to /etc/pki/ca-trust/source/anchors (or /etc/ssl/certs on Flatcar-style hosts).`,
          evidence: ref.path,
        });
      },
      end() {
        if (!active) return;
        for (const c of contentMatches(writtenFiles(cmds, ctx.facts.source), /^.+$/g, (p) => p === '/etc/default/grub' || p === '/etc/kernel/cmdline').slice(0, 1)) {
          ctx.report({ span: c.span, exact: c.exact, message: 'The kernel command line cannot be changed on Azure Container Linux (signed UKI under Secure Boot).', why: WHY, action: 'Request the setting in the node image, or use sysctl drop-ins in /etc/sysctl.d where a runtime setting exists.' });
        }
      },
    };
  },
});
