import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';

export default defineRule({
  meta: {
    id: 'platform/kernel-modules',
    title: 'Out-of-tree kernel modules (dkms, insmod, modules_install) under Secure Boot and the 6.18 kernel',
    category: 'platform',
    severity: 'info',
    blocker: false,
    fixable: false,
    unconfirmed: true,
    // Node-level code only: CI steps run on runners, and Dockerfiles and app code (tsjs) run in containers.
    kinds: ['shell', 'systemd', 'cloud-init', 'ansible', 'python', 'terraform', 'bicep', 'arm'],
    effort: 3,
  },
  create(ctx) {
    if (ctx.target.variant === 'immutable-host') return {}; // platform/immutable-host reports these as blockers
    return {
      command(cmd) {
        const sub = cmd.args[0]?.value ?? '';
        const hit =
          (cmd.base === 'dkms' && /^(install|autoinstall|build)$/.test(sub)) ||
          cmd.base === 'akmods' ||
          (cmd.base === 'insmod' && cmd.args.some((a) => /\.ko(\.xz|\.zst)?$/.test(a.value ?? ''))) ||
          (cmd.base === 'make' && cmd.args.some((a) => a.value === 'modules_install'));
        if (!hit) return;
        ctx.report({
          span: cmd.nameWord.span,
          exact: cmd.exact,
          message: `${code(cmd.base === 'make' ? 'make modules_install' : cmd.base)} builds or loads an out-of-tree kernel module: it must build against Azure Linux 4.0's 6.18 kernel (kernel-devel of the running release), and with Secure Boot on an unsigned module is refused.`,
          why: 'Azure Linux 4.0 runs kernel 6.18.5 (release like 6.18.5-1.8.azl4) built with CONFIG_MODULE_SIG=y but not MODULE_SIG_FORCE: unsigned out-of-tree modules load unless lockdown/Secure Boot is active (UNCONFIRMED in practice); whether the preview\'s Secure Boot chain is signed is UNCONFIRMED. Knowledge sheet §0 and §2 "sysctl and kernel defaults", "Secure Boot / Trusted Launch" [M:base/comps/kernel/kernel.comp.toml; M:6.18-x86_64-azl.config; L:architecture].',
          action: 'Check that the module supports kernel 6.18 and that kernel-devel for the running kernel is installable; if Secure Boot is enabled, sign the module and enroll the key (`mokutil --import`), or use the in-kernel driver.',
        });
      },
    };
  },
});
