import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import { isUse, pathMatch } from '../../../src/rules/support/text.js';

const DEBIAN_DIR = /^\/usr\/local\/share\/ca-certificates(?=\/|$)/;
const ANCHORS = '/etc/pki/ca-trust/source/anchors';
const WHY =
  'Azure Linux 4.0 uses the p11-kit/ca-trust store: extra CAs go to /etc/pki/ca-trust/source/anchors/ and `update-ca-trust` rebuilds the bundles. There is no `update-ca-certificates` and no /usr/local/share/ca-certificates (knowledge sheet §2 "CA certificates").';

export default defineRule({
  meta: {
    id: 'conventions/ca-certificates',
    title: 'Debian CA trust store tools and paths (update-ca-certificates, /usr/local/share/ca-certificates)',
    category: 'conventions',
    severity: 'error',
    blocker: true,
    fixable: 'unsafe',
    effort: 1,
  },
  create(ctx) {
    return {
      command(cmd) {
        if (cmd.base !== 'update-ca-certificates') return;
        const plain = cmd.args.every((a) => a.value === '--fresh' || a.value === '-f');
        ctx.report({
          span: cmd.nameWord.span,
          exact: cmd.exact && cmd.nameWord.exact,
          message: `${code('update-ca-certificates')} does not exist on Azure Linux 4.0; the command fails and the CA is not trusted.`,
          why: WHY,
          action: `Copy the PEM certificate to ${ANCHORS}/ and run ${code('update-ca-trust')} (or ${code('update-ca-trust extract')}).`,
          fix: plain && cmd.args.length === 0 ? { title: 'Run update-ca-trust', safety: 'unsafe', edits: [{ span: cmd.nameWord.span, text: 'update-ca-trust' }] } : undefined,
        });
      },
      path(ref) {
        if (!isUse(ref) || !DEBIAN_DIR.test(ref.path)) return;
        const hit = pathMatch(ref, DEBIAN_DIR, ctx.facts.source);
        const span = hit?.span ?? ref.span;
        const exact = hit?.exact ?? false;
        ctx.report({
          span,
          exact,
          message: `${code('/usr/local/share/ca-certificates')} is the Debian location for extra CAs; Azure Linux 4.0 never reads it.`,
          why: WHY,
          action: `Put the certificate (PEM) in ${ANCHORS}/ and run ${code('update-ca-trust')}.`,
          fix: hit && exact ? { title: `Use ${ANCHORS}`, safety: 'unsafe', edits: [{ span: hit.span, text: ANCHORS }] } : undefined,
          evidence: ref.path,
        });
      },
    };
  },
});
