import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import { argWords, matchesInWord, pathMatch } from '../../../src/rules/support/text.js';

const SONAME = /(?<![\w.])(lib(?:ssl|crypto)\.so\.(?:1\.1|1\.0\.[0-9]|1\.0|10))(?![\w.])/g;
const PACKAGES = /^(libssl1\.[01](\.\d)?|libssl1\.0\.0|openssl11|openssl1\.1|openssl10|compat-openssl1[01]|openssl11-libs|openssl11-devel|compat-openssl10-devel|libssl1\.1-dev)$/;
const WHY =
  'Azure Linux 4.0 ships OpenSSL 3.5.4 only (libssl.so.3, libcrypto.so.3); there is no openssl1.1, compat-openssl10/11 or other OpenSSL 1.x package. Knowledge sheet §2 "OpenSSL and crypto-policies" [M:specs/o/openssl/openssl.spec; CALC].';
const ACTION =
  'Rebuild or upgrade the software against OpenSSL 3 (libssl.so.3); most vendors publish OpenSSL 3 builds. Do not symlink libssl.so.3 to the 1.1 name: the ABI differs.';

export default defineRule({
  meta: {
    id: 'crypto/openssl-legacy',
    title: 'OpenSSL 1.x libraries and packages (libssl.so.1.1, openssl11, compat-openssl*)',
    category: 'crypto',
    severity: 'error',
    blocker: true,
    fixable: false,
    effort: 5,
  },
  create(ctx) {
    const sonameFinding = (span: { start: number; end: number }, exact: boolean, name: string) =>
      ctx.report({
        span,
        exact,
        message: `${code(name)} is an OpenSSL 1.x library; Azure Linux 4.0 has only OpenSSL 3 (libssl.so.3), so programs linked against it fail to start.`,
        why: WHY,
        action: ACTION,
        evidence: name,
      });
    return {
      command(cmd) {
        for (const w of argWords(cmd)) for (const h of matchesInWord(w, SONAME)) sonameFinding(h.span, h.exact, h.m[1]!);
      },
      path(ref) {
        if (ref.command) return; // arguments are seen by command()
        const h = pathMatch(ref, /lib(?:ssl|crypto)\.so\.(?:1\.1|1\.0\.[0-9]|1\.0|10)(?![\w.])/, ctx.facts.source);
        if (h) sonameFinding(h.span, h.exact, h.m[0]);
      },
      assignment(a) {
        const v = ctx.facts.source.slice(a.valueSpan);
        for (const m of v.matchAll(SONAME)) sonameFinding({ start: a.valueSpan.start + m.index, end: a.valueSpan.start + m.index + m[1]!.length }, true, m[1]!);
      },
      package(ref) {
        if (!PACKAGES.test(ref.name)) return;
        ctx.report({
          span: ref.span,
          exact: ref.exact,
          message: `${code(ref.name)} is an OpenSSL 1.x package; Azure Linux 4.0 has no OpenSSL 1.x at all.`,
          why: WHY,
          action: `${ACTION} Install ${code('openssl-libs')} (OpenSSL 3) instead.`,
        });
      },
    };
  },
});
