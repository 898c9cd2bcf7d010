import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import { isUse, pathMatch } from '../../../src/rules/support/text.js';

const DEBIAN_LOGS: Record<string, string> = {
  '/var/log/syslog': '/var/log/messages',
  '/var/log/auth.log': '/var/log/secure',
  '/var/log/kern.log': '/var/log/messages',
  '/var/log/daemon.log': '/var/log/messages',
};
const RE = /^\/var\/log\/(syslog|auth\.log|kern\.log|daemon\.log|messages|secure)$/;

export default defineRule({
  meta: {
    id: 'conventions/syslog-files',
    title: 'Reads of syslog files (/var/log/syslog, auth.log, messages) that Azure Linux 4.0 does not write',
    category: 'conventions',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 1,
  },
  create(ctx) {
    const installsRsyslog = ctx.facts.packages.some((p) => p.name === 'rsyslog');
    return {
      path(ref) {
        if (!isUse(ref)) return;
        const hit = pathMatch(ref, RE, ctx.facts.source);
        if (!hit) return;
        const debian = DEBIAN_LOGS[ref.path];
        if (!debian && installsRsyslog) return;
        ctx.report({
          span: hit.span,
          exact: hit.exact,
          message: debian
            ? `${code(ref.path)} is a Debian/Ubuntu log file; it does not exist on Azure Linux 4.0 (even with rsyslog, which writes ${code(debian)}).`
            : `${code(ref.path)} exists only when rsyslog is installed, and the Azure Linux 4.0 image has no rsyslog: logs are in the journal.`,
          why: 'Azure Linux 4.0 logs to a persistent systemd journal; rsyslog is not in the Apr-30 VM image (enabled by preset only if installed), so /var/log/messages may not exist. Fedora-style rsyslog writes /var/log/messages and /var/log/secure, never /var/log/syslog or /var/log/auth.log. Knowledge sheet §2 "Networking, firewall, time, cron, logging" [M:vm-base.kiwi; M:90-default.preset; L:architecture].',
          action: 'Read the journal: `journalctl -u UNIT`, `journalctl -k` (kernel), `journalctl SYSLOG_FACILITY=10` (auth), `journalctl -f` (follow); or install and enable rsyslog and use its file names.',
          evidence: ref.path,
        });
      },
    };
  },
});
