import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import { pythonOf } from '../../../src/languages/python/index.js';

const OLD = /^ssl\.(PROTOCOL_TLSv1(?:_1)?|PROTOCOL_SSLv3|PROTOCOL_SSLv2|TLSVersion\.(?:TLSv1(?:_1)?|SSLv3))$/;

export default defineRule({
  meta: {
    id: 'crypto/python-tls',
    title: 'Python TLS 1.0/1.1 settings and private-CA contexts under Python 3.13+ strict X.509 checks',
    category: 'crypto',
    severity: 'warning',
    blocker: false,
    fixable: false,
    kinds: ['python'],
    effort: 1,
  },
  create(ctx) {
    return {
      end() {
        const py = pythonOf(ctx.facts);
        if (!py || !py.imports.some((i) => i.module === 'ssl')) return;
        for (const a of py.attributes) {
          const m = OLD.exec(a.text);
          if (m) {
            ctx.report({
              span: { start: a.span.start + 4, end: a.span.end },
              message: `${code(a.text)} asks for TLS 1.1 or older; Azure Linux 4.0's crypto policy allows TLS 1.2+ only, so the handshake fails.`,
              why: 'DEFAULT crypto policy: TLS ≥ 1.2 (TLS 1.0/1.1 off), applied inside OpenSSL, which Python\'s ssl module uses. Knowledge sheet §2 "OpenSSL and crypto-policies" [CP].',
              action: 'Use `ssl.create_default_context()` (or `ssl.PROTOCOL_TLS_CLIENT` with `minimum_version = ssl.TLSVersion.TLSv1_2`).',
            });
          } else if (a.text === 'ssl.create_default_context' && /\bcafile\s*=|\bcapath\s*=|\bcadata\s*=/.test(ctx.facts.source.text.slice(a.span.end, a.span.end + 200).split(')')[0] ?? '')) {
            ctx.report({
              span: a.span,
              severity: 'info',
              message: `${code('ssl.create_default_context(cafile=...)')} with a private CA: since Python 3.13 the default context sets VERIFY_X509_STRICT, so CA certificates without proper extensions (basicConstraints, keyUsage, authority key identifier) fail verification.`,
              why: 'Azure Linux 4.0 has Python 3.14; 3.13 made ssl.create_default_context() set VERIFY_X509_STRICT and VERIFY_X509_PARTIAL_CHAIN. Knowledge sheet §2 "Python" [PY3.13].',
              action: 'Reissue the private CA with RFC 5280 extensions; as a stopgap, `ctx.verify_flags &= ~ssl.VERIFY_X509_STRICT`.',
            });
          }
        }
      },
    };
  },
});
