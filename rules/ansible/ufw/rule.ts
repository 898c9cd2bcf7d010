import { defineRule } from '../../../src/core/rule.js';
import { ansibleOf, shortModule, taskGatedAway } from '../../../src/languages/ansible/facts.js';
import { code } from '../../../src/rules/support/commands.js';

export default defineRule({
  meta: {
    id: 'ansible/ufw',
    title: 'community.general.ufw: there is no ufw on Azure Linux 4.0',
    category: 'platform',
    severity: 'error',
    blocker: true,
    fixable: false,
    kinds: ['ansible'],
    effort: 2,
  },
  create(ctx) {
    return {
      end() {
        const a = ansibleOf(ctx.facts);
        for (const t of a?.tasks ?? []) {
          if (shortModule(t.module) !== 'ufw' || taskGatedAway(t, a!.hasRpmBranch)) continue;
          const port = t.args.get('port')?.value;
          const proto = t.args.get('proto')?.value ?? 'tcp';
          ctx.report({
            span: t.moduleSpan,
            message: `${code(t.moduleRaw)} configures ufw, which Azure Linux 4.0 does not ship; its firewall is firewalld.`,
            why: 'ufw is not available on Azure Linux 4.0; firewalld is enabled by preset with the nftables backend and allows only SSH inbound.',
            action: port ? `Use \`ansible.posix.firewalld: port=${port}/${proto} permanent=true immediate=true state=enabled\`.` : 'Use `ansible.posix.firewalld` (service=, port=, zone=, permanent: true, immediate: true).',
          });
        }
      },
    };
  },
});
