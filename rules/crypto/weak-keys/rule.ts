import { defineRule } from '../../../src/core/rule.js';
import type { Word } from '../../../src/core/facts.js';
import { code } from '../../../src/rules/support/commands.js';

const WHY =
  'The DEFAULT crypto policy of Azure Linux 4.0 requires RSA/DH/DSA keys of at least 2048 bits and rejects SHA-1 signatures; OpenSSL distrusts SHA-1 signatures. Knowledge sheet §2 "OpenSSL and crypto-policies" [CP; M:specs/c/crypto-policies/crypto-policies.spec].';
const OPENSSL_SIGNING = /^(req|x509|ca|dgst|cms|smime|ts)$/;

export default defineRule({
  meta: {
    id: 'crypto/weak-keys',
    title: 'Keys below 2048 bits, SHA-1/MD5 signatures and DSA keys that Azure Linux 4.0 rejects',
    category: 'crypto',
    severity: 'error',
    blocker: false,
    fixable: false,
    effort: 1,
  },
  create(ctx) {
    const report = (w: Word, what: string, action: string) =>
      ctx.report({ span: w.span, exact: w.exact, message: `${what} is refused by the Azure Linux 4.0 crypto policy: TLS peers and OpenSSL reject it.`, why: WHY, action });
    return {
      command(cmd) {
        const a = cmd.args;
        const sub = a[0]?.value ?? '';
        if (cmd.base === 'openssl') {
          for (let i = 1; i < a.length; i++) {
            const v = a[i]!.value ?? '';
            const next = a[i + 1]?.value ?? '';
            if (/^-(sha1|md5|md4)$/.test(v) && OPENSSL_SIGNING.test(sub) && !(sub === 'dgst' && !a.some((x) => /^-(sign|verify|prverify)$/.test(x.value ?? '')))) {
              report(a[i]!, `${code(`openssl ${sub} ${v}`)} (a ${v.slice(1).toUpperCase()} signature)`, 'Sign with SHA-256 or better (`-sha256`).');
            } else if (v === '-newkey' && /^(rsa|dsa):(\d+)$/.test(next) && Number(next.split(':')[1]) < 2048) {
              report(a[i + 1]!, `${code('-newkey ' + next)} (a ${next.split(':')[1]}-bit key)`, 'Use `-newkey rsa:3072` (or `rsa:2048` at least, or `ec -pkeyopt ec_paramgen_curve:P-256`).');
            } else if (/^rsa_keygen_bits:(\d+)$/.test(v) && Number(v.split(':')[1]) < 2048) {
              report(a[i]!, `${code(v)} (a ${v.split(':')[1]}-bit key)`, 'Use at least 2048 bits (3072 recommended).');
            } else if ((sub === 'genrsa' || sub === 'dhparam' || sub === 'gendsa' || sub === 'dsaparam') && /^\d+$/.test(v) && Number(v) < 2048 && !/^-/.test(a[i - 1]?.value ?? '')) {
              report(a[i]!, `${code(`openssl ${sub} ${v}`)} (a ${v}-bit ${sub === 'dhparam' ? 'DH group' : 'key'})`, 'Use at least 2048 bits (3072 recommended).');
            }
          }
        } else if (cmd.base === 'ssh-keygen') {
          for (let i = 0; i < a.length; i++) {
            const v = a[i]!.value ?? '';
            const next = a[i + 1]?.value ?? '';
            if (v === '-t' && /^dsa$/i.test(next)) {
              ctx.report({
                span: a[i + 1]!.span,
                exact: a[i + 1]!.exact,
                message: `${code('ssh-keygen -t dsa')}: OpenSSH 10 (Azure Linux 4.0 ships 10.0p1) removed DSA keys entirely.`,
                why: 'Azure Linux 4.0 ships openssh 10.0p1 (knowledge sheet §0 "More versions" [M:specs/o/openssh/openssh.spec]); OpenSSH 10.0 removed DSA support (https://www.openssh.com/txt/release-10.0).',
                action: 'Use `ssh-keygen -t ed25519` (or `-t rsa -b 3072`).',
              });
            } else if (v === '-b' && /^\d+$/.test(next) && Number(next) < 2048 && a.some((x, k) => a[k - 1]?.value === '-t' && /^rsa$/i.test(x.value ?? ''))) {
              report(a[i + 1]!, `${code(`ssh-keygen -b ${next}`)} (a ${next}-bit RSA key)`, 'Use `ssh-keygen -t ed25519` or `-t rsa -b 3072`.');
            }
          }
        }
      },
    };
  },
});
