import { defineRule } from '../../../src/core/rule.js';
import type { ShellCommand } from '../../../src/core/facts.js';
import { code } from '../../../src/rules/support/commands.js';
import { argWords, contentMatches, groupSpan, matchesInWord, writtenFiles } from '../../../src/rules/support/text.js';

const WHY =
  'Azure Linux 4.0 uses Fedora\'s crypto-policies: DEFAULT allows TLS ≥ 1.2, RSA/DH ≥ 2048 bits and no SHA-1 signatures; it is relaxed per host with `update-crypto-policies --set DEFAULT:SHA1` or `LEGACY`. Knowledge sheet §2 "OpenSSL and crypto-policies" [CP; M:specs/c/crypto-policies/crypto-policies.spec].';
const SECLEVEL = /@SECLEVEL=([01])(?!\d)/g;

export default defineRule({
  meta: {
    id: 'crypto/policy-override',
    title: 'Crypto policy relaxed or overridden (LEGACY policy, @SECLEVEL=0/1, MinProtocol TLSv1)',
    category: 'crypto',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 1,
  },
  create(ctx) {
    const cmds: ShellCommand[] = [];
    return {
      command(cmd) {
        cmds.push(cmd);
        if (cmd.base === 'update-crypto-policies') {
          const i = cmd.args.findIndex((a) => a.value === '--set');
          const w = i >= 0 ? cmd.args[i + 1] : cmd.args.find((a) => a.value?.startsWith('--set='));
          const pol = w?.value?.replace(/^--set=/, '') ?? '';
          if (w && /^LEGACY\b|:SHA1\b|:AD-SUPPORT-LEGACY\b/.test(pol)) {
            ctx.report({
              span: w.span,
              exact: w.exact,
              severity: 'info',
              message: `${code('update-crypto-policies --set ' + pol)} relaxes the crypto policy for the whole host; this is the documented escape hatch, keep it only while a legacy peer needs it.`,
              why: WHY,
              action: 'Prefer fixing the peer (TLS 1.2+, RSA ≥ 2048, SHA-256 signatures); if the relaxation stays, scope it with a custom subpolicy (`DEFAULT:SHA1` rather than `LEGACY`) and track its removal.',
            });
          }
          return;
        }
        if (cmd.base === 'sed') return; // its replacement text is read in end()
        for (const w of argWords(cmd)) {
          for (const h of matchesInWord(w, SECLEVEL)) {
            ctx.report({
              span: h.span,
              exact: h.exact,
              message: `${code(h.m[0])} lowers OpenSSL's security level to accept keys and signatures the Azure Linux 4.0 policy refuses.`,
              why: WHY,
              action: 'Fix the peer\'s certificate or key (RSA ≥ 2048, SHA-256) instead of lowering the level.',
            });
          }
        }
      },
      end() {
        const files = writtenFiles(cmds, ctx.facts.source);
        for (const c of contentMatches(files, SECLEVEL)) {
          ctx.report({
            span: c.span,
            exact: c.exact,
            message: `${code(c.m[0])} lowers OpenSSL's security level below the Azure Linux 4.0 policy.`,
            why: WHY,
            action: 'Fix the certificate or key (RSA ≥ 2048, SHA-256) instead, or relax the host policy explicitly with `update-crypto-policies --set DEFAULT:SHA1` / `LEGACY`.',
          });
        }
        for (const c of contentMatches(files, /^\s*(MinProtocol)\s*=\s*((?:TLSv1(?:\.[01])?|SSLv3))\s*$/dg, (p) => p === '' || /openssl[^/]*\.cnf$/.test(p))) {
          ctx.report({
            span: groupSpan(c, 2),
            exact: c.exact,
            message: `${code('MinProtocol = ' + c.m[2])} in an OpenSSL configuration tries to re-enable a protocol the Azure Linux 4.0 crypto policy turns off.`,
            why: WHY,
            action: 'Remove the override and use TLS 1.2+; if a legacy peer needs it, use `update-crypto-policies --set LEGACY` so the change is visible and host-wide.',
          });
        }
      },
    };
  },
});
