import { defineRule } from '../../../src/core/rule.js';
import type { ShellCommand } from '../../../src/core/facts.js';
import { code } from '../../../src/rules/support/commands.js';

/** Where a file gets a label that services may not use (user_home_t, admin_home_t, user_tmp_t). */
const USER_PLACES = /^(\/home\/|\/root\/|~\/|\$HOME\/|\$\{HOME\}\/|\/tmp\/|\/var\/tmp\/)/;
/** Places whose files services read or execute under their own labels. */
const SERVICE_PLACES = /^\/(var\/www|usr\/share\/nginx|srv|etc|usr\/local\/(s?bin|lib|share)|usr\/(s?bin|lib|lib64|libexec)|var\/lib)(\/|$)/;

export default defineRule({
  meta: {
    id: 'selinux/mv-keeps-label',
    title: 'mv from a home or temp directory into a service location keeps the wrong SELinux label',
    category: 'selinux',
    severity: 'warning',
    blocker: false,
    fixable: false,
    unconfirmed: true,
    kinds: ['shell', 'systemd', 'cloud-init', 'ansible'],
    effort: 1,
  },
  create(ctx) {
    const moves: { cmd: ShellCommand; src: string; dest: string }[] = [];
    const restorecons: ShellCommand[] = [];
    return {
      command(cmd) {
        if (cmd.base === 'restorecon') restorecons.push(cmd);
        if (cmd.base !== 'mv') return;
        if (cmd.args.some((a) => a.value === '-Z' || a.value === '--context')) return;
        const pos = cmd.args.filter((a) => !(a.text.startsWith('-') && a.value?.startsWith('-')));
        if (pos.length < 2) return;
        const dest = pos[pos.length - 1]!.value;
        if (!dest || !SERVICE_PLACES.test(dest)) return;
        const src = pos.slice(0, -1).map((a) => a.value ?? a.text.replace(/^"|"$/g, '')).find((v) => USER_PLACES.test(v));
        if (src) moves.push({ cmd, src, dest });
      },
      end() {
        for (const { cmd, src, dest } of moves) {
          if (restorecons.some((r) => r.span.start > cmd.span.start)) continue;
          ctx.report({
            span: cmd.nameWord.span,
            exact: cmd.exact && cmd.nameWord.exact,
            message: `${code('mv')} keeps the SELinux label of ${code(src)} (a home or temp label) when it moves the file to ${code(dest)}; the service that reads it there is denied.`,
            why: 'Azure Linux 4.0 runs the targeted SELinux policy (knowledge sheet §2 "SELinux" [M:specs/s/selinux-policy/selinux-policy.spec]). A moved file keeps its label (user_home_t, admin_home_t, user_tmp_t), while a copied or installed file gets the label of its new directory; content elsewhere needs `restorecon` (same section, from the Fedora policy apache.fc).',
            action: `Use ${code('cp')} or ${code('install')} instead of mv, use ${code('mv -Z')}, or run ${code(`restorecon -Rv ${dest}`)} after moving.`,
          });
        }
      },
    };
  },
});
