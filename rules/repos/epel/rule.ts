import { defineRule } from '../../../src/core/rule.js';
import type { ShellCommand } from '../../../src/core/facts.js';
import { code } from '../../../src/rules/support/commands.js';
import { textHits } from '../../../src/rules/support/text.js';

const WHY =
  'There is no epel-release package in any Azure Linux 4.0 list; EPEL targets RHEL/EL, while Azure Linux 4.0 is Fedora-43-based with $releasever=4.0. The sheet marks EPEL UNCONFIRMED/not supported: do not assume it is usable. Knowledge sheet §1 "Repositories and channels" [CALC M lists].';
const ACTION = 'Look the package up in Azure Linux 4.0 (`azl-migrate pkg NAME`, `dnf search`), most EPEL packages are Fedora packages and may be in rpm-base; otherwise build it or use a container image.';
const URLS = /(?:dl\.fedoraproject\.org|mirrors\.fedoraproject\.org|download\.fedoraproject\.org)\/pub\/epel[^\s"']*|\bepel-release(?:-latest-\d+\.noarch\.rpm)?\b|mirrors\.fedoraproject\.org\/metalink\?repo=epel[^\s"']*/g;

export default defineRule({
  meta: {
    id: 'repos/epel',
    title: 'EPEL (epel-release, EPEL URLs, --enablerepo=epel, crb/powertools) on Azure Linux 4.0',
    category: 'repositories',
    severity: 'warning',
    blocker: false,
    fixable: false,
    unconfirmed: true,
    effort: 2,
  },
  create(ctx) {
    const cmds: ShellCommand[] = [];
    return {
      command(cmd) {
        cmds.push(cmd);
        if (!['dnf', 'dnf5', 'yum', 'tdnf', 'microdnf', 'crb', 'yum-config-manager'].includes(cmd.base)) return;
        for (let i = 0; i < cmd.args.length; i++) {
          const w = cmd.args[i]!;
          const v = w.value ?? '';
          const next = cmd.args[i + 1]?.value ?? '';
          const repo = /^--enablerepo=(.*)$/.exec(v)?.[1] ?? (v === '--enablerepo' ? next : undefined) ?? (/^--set-enabled$|^enable$/.test(v) ? next : undefined) ?? (/^(crb|powertools|codeready-builder[\w-]*|epel[\w-]*)\.enabled=1$/.exec(v)?.[1]);
          if (!repo || !/(^|,)(epel[\w-]*|crb|powertools|codeready-builder[\w-]*)(,|$)/.test(repo)) continue;
          const target = v === '--enablerepo' || v === '--set-enabled' || v === 'enable' ? cmd.args[i + 1]! : w;
          ctx.report({
            span: target.span,
            exact: target.exact,
            message: `${code(target.value ?? target.text)} enables EPEL or an EL add-on repository (CRB/PowerTools); Azure Linux 4.0 has none of them.`,
            why: WHY,
            action: ACTION,
          });
          break;
        }
        if (cmd.base === 'crb' && cmd.args[0]?.value === 'enable') {
          ctx.report({ span: cmd.nameWord.span, exact: cmd.exact, message: `${code('crb enable')} is an EPEL helper for RHEL-family systems; Azure Linux 4.0 has no CRB repository.`, why: WHY, action: ACTION });
        }
      },
      end() {
        for (const h of textHits(cmds, ctx.facts.source, URLS)) {
          ctx.report({
            span: h.span,
            exact: h.exact,
            message: `${code(h.m[0])}: EPEL is built for RHEL/EL and has no Azure Linux 4.0 release; epel-release does not exist there.`,
            why: WHY,
            action: ACTION,
            evidence: h.m[0],
          });
        }
      },
    };
  },
});
