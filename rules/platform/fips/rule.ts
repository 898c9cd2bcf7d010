import { defineRule } from '../../../src/core/rule.js';
import type { ShellCommand } from '../../../src/core/facts.js';
import { code } from '../../../src/rules/support/commands.js';
import { argWords, contentMatches, matchesInWord, writtenFiles } from '../../../src/rules/support/text.js';

const WHY =
  'FIPS 140-3 certification of Azure Linux 4.0 is "In progress — use a certified release" (Microsoft Learn). fips-mode-setup was removed upstream; FIPS mode comes from the `fips=1` kernel argument plus fips-crypto-policy-overlay.service. Knowledge sheet §2 "OpenSSL and crypto-policies" [L:whats-new-azure-linux-4; M:crypto-policies.spec changelog; M:90-default.preset].';
const KARG = /(?<![\w.-])fips=1(?![\w.])/g;

export default defineRule({
  meta: {
    id: 'platform/fips',
    title: 'FIPS mode setup (fips-mode-setup, fips=1) while Azure Linux 4.0 FIPS certification is in progress',
    category: 'platform',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 3,
  },
  create(ctx) {
    const cmds: ShellCommand[] = [];
    const certNote = 'If the workload must run FIPS-validated cryptography, stay on a certified release (Azure Linux 3.0) until 4.0 is certified.';
    return {
      command(cmd) {
        cmds.push(cmd);
        if (cmd.base === 'fips-mode-setup') {
          ctx.report({
            span: cmd.nameWord.span,
            exact: cmd.exact,
            severity: 'error',
            blocker: true,
            message: `${code('fips-mode-setup')} was removed upstream and does not exist on Azure Linux 4.0.`,
            why: WHY,
            action: `Enable FIPS with the kernel argument: \`grubby --update-kernel=ALL --args=fips=1\` and reboot (fips-crypto-policy-overlay.service applies the FIPS policy). ${certNote}`,
          });
          return;
        }
        if (cmd.base === 'update-crypto-policies') {
          const w = cmd.args.find((a, i) => (cmd.args[i - 1]?.value === '--set' && /^FIPS\b/.test(a.value ?? '')) || /^--set=FIPS\b/.test(a.value ?? ''));
          if (w) {
            ctx.report({
              span: w.span,
              exact: w.exact,
              message: `${code('update-crypto-policies --set FIPS')} only restricts algorithms; it does not put the system in FIPS mode, and Azure Linux 4.0 is not FIPS certified yet.`,
              why: WHY,
              action: `Use the \`fips=1\` kernel argument for FIPS mode. ${certNote}`,
            });
          }
          return;
        }
        for (const w of argWords(cmd)) {
          for (const h of matchesInWord(w, KARG)) {
            ctx.report({
              span: h.span,
              exact: h.exact,
              severity: 'info',
              message: `${code('fips=1')} turns on FIPS mode; Azure Linux 4.0's FIPS 140-3 certification is still in progress.`,
              why: WHY,
              action: certNote,
            });
          }
        }
      },
      end() {
        for (const c of contentMatches(writtenFiles(cmds, ctx.facts.source), KARG, (p) => p === '/etc/default/grub' || p === '/etc/kernel/cmdline')) {
          ctx.report({
            span: c.span,
            exact: c.exact,
            severity: 'info',
            message: `${code('fips=1')} turns on FIPS mode; Azure Linux 4.0's FIPS 140-3 certification is still in progress.`,
            why: WHY,
            action: certNote,
          });
        }
      },
    };
  },
});
