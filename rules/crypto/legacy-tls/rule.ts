import { defineRule } from '../../../src/core/rule.js';
import type { ShellCommand, Word } from '../../../src/core/facts.js';
import { code } from '../../../src/rules/support/commands.js';
import { contentMatches, writtenFiles } from '../../../src/rules/support/text.js';

const WHY =
  'The DEFAULT crypto policy of Azure Linux 4.0 (Fedora\'s crypto-policies, no Azure overlay) allows TLS 1.2 and 1.3 only: OpenSSL, GnuTLS and NSS refuse TLS 1.0/1.1 whatever the application asks for. Knowledge sheet §2 "OpenSSL and crypto-policies" [CP; M:specs/c/crypto-policies/crypto-policies.spec].';
const ACTION = 'Use TLS 1.2 or newer on both ends. For a peer that cannot be upgraded, the documented escape hatch is host-wide: `update-crypto-policies --set LEGACY` (then restart the services).';
const LEGACY_TOKEN = /(?<![\w.+-]|(?<=-))[+]?(TLSv1(?:\.0|\.1|_1|_0)?|SSLv3|SSLv2)(?![\w.])/g;

interface Hit {
  w: Word;
  what: string;
}

function commandHit(cmd: ShellCommand): Hit | undefined {
  const a = cmd.args;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!.value ?? '';
    const next = a[i + 1]?.value ?? '';
    if (cmd.base === 'curl') {
      if (v === '--tls-max' && /^1\.[01]$/.test(next)) return { w: a[i + 1]!, what: `curl --tls-max ${next}` };
      if (/^--tls-max=1\.[01]$/.test(v)) return { w: a[i]!, what: `curl ${v}` };
      if (v === '--sslv3' || v === '-3') return { w: a[i]!, what: `curl ${v}` };
    } else if (cmd.base === 'openssl' && /^(s_client|s_server|s_time)$/.test(a[0]?.value ?? '')) {
      if (/^-(tls1|tls1_1|ssl3)$/.test(v)) return { w: a[i]!, what: `openssl ${a[0]!.value} ${v}` };
    } else if (cmd.base === 'wget') {
      if (/^--secure-protocol=(TLSv1|TLSv1_1|SSLv3)$/i.test(v)) return { w: a[i]!, what: `wget ${v}` };
      if (v === '--secure-protocol' && /^(TLSv1|TLSv1_1|SSLv3)$/i.test(next)) return { w: a[i + 1]!, what: `wget --secure-protocol ${next}` };
    }
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'crypto/legacy-tls',
    title: 'TLS 1.0/1.1 (or SSL) required or enabled: the Azure Linux 4.0 crypto policy refuses them',
    category: 'crypto',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 2,
  },
  create(ctx) {
    const cmds: ShellCommand[] = [];
    return {
      command(cmd) {
        cmds.push(cmd);
        const h = commandHit(cmd);
        if (!h) return;
        ctx.report({
          span: h.w.span,
          exact: h.w.exact,
          severity: 'error',
          message: `${code(h.what)} limits the connection to TLS 1.1 or older, which Azure Linux 4.0 refuses: the handshake fails.`,
          why: WHY,
          action: ACTION,
        });
      },
      end() {
        const files = writtenFiles(cmds, ctx.facts.source);
        const DIRECTIVE = /^\s*(ssl_protocols|SSLProtocol|SSLProxyProtocol|ssl-min-ver|ssl-default-bind-options|ssl-default-server-options|bind\s.*|server\s.*)\s(.*)$/;
        for (const c of contentMatches(files, /^.*$/g)) {
          const line = c.m[0];
          const d = DIRECTIVE.exec(line);
          if (!d) continue;
          const rest = d[2]!;
          const restAt = line.length - rest.length;
          for (const t of rest.matchAll(LEGACY_TOKEN)) {
            if (rest[t.index - 1] === '-') continue; // Apache `-TLSv1` disables it
            if (/^(bind|server)\s/.test(d[1]!) && !/ssl-min-ver\s+$/.test(rest.slice(0, t.index))) continue;
            if (/^ssl-default-/.test(d[1]!) && !/ssl-min-ver\s+$/.test(rest.slice(0, t.index))) continue;
            const s = c.span.start + restAt + t.index + (t[0].startsWith('+') ? 1 : 0);
            ctx.report({
              span: { start: s, end: s + t[1]!.length },
              exact: c.exact,
              message: `${code(d[1]!.split(/\s/)[0]!)} enables ${code(t[1]!)}, which the Azure Linux 4.0 crypto policy refuses: clients that need it cannot connect.`,
              why: WHY,
              action: `Drop ${t[1]} from the list (keep TLSv1.2 TLSv1.3). ${ACTION}`,
            });
          }
        }
      },
    };
  },
});
