import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import { loadTarget } from '../../../src/knowledge/target.js';
import { DISTRO_BASE_IMAGE, stageImageOf } from '../../../src/rules/support/text.js';

/** Names other distributions use for the packages that provide the same commands. */
const ALIASES: Record<string, string[]> = {
  'procps-ng': ['procps', 'procps-ng'],
  iproute: ['iproute2', 'iproute'],
  iputils: ['iputils-ping', 'iputils'],
  'shadow-utils': ['passwd', 'shadow-utils', 'shadow'],
  'bind-utils': ['dnsutils', 'bind9-dnsutils', 'bind-utils', 'bind-tools'],
  gawk: ['gawk', 'mawk', 'awk'],
  'util-linux': ['util-linux', 'mount'],
  python3: ['python3', 'python3-minimal', 'python3.14', 'python'],
};
const AZL4_IMAGE = /azurelinux-beta\/|azurelinux\/(base\/core|distroless\/\w+):4/;

/** adduser called with BusyBox's single-letter options that useradd does not read the same way (-D, -S, -H). */
function busyboxAdduser(args: string[]): boolean {
  return args.some((a) => /^-[a-zA-Z]*[DSH]/.test(a) && !a.startsWith('--'));
}

export default defineRule({
  meta: {
    id: 'platform/container-missing-tools',
    title: 'Commands the Azure Linux 4.0 core and distroless container images do not have',
    category: 'platform',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 1,
  },
  create(ctx) {
    const isDocker = ctx.facts.kind === 'dockerfile';
    const active = isDocker || ctx.target.variant === 'container';
    const missing = ctx.target.missingCommands ?? loadTarget('azurelinux-4.0-container').missingCommands ?? {};
    const installed = (pkg: string, before: number) => ctx.facts.packages.some((p) => p.span.start < before && (ALIASES[pkg] ?? [pkg]).includes(p.name));
    return {
      command(cmd) {
        if (!active) return;
        if (isDocker) {
          const image = stageImageOf(ctx.facts as never, cmd) ?? '';
          // Stages already on an Azure Linux 4.0 image (core or distroless) are pkg/not-in-image's: this rule
          // looks ahead, at stages whose distribution image the migration will replace.
          if (AZL4_IMAGE.test(image)) return;
          if (!DISTRO_BASE_IMAGE.test(image)) return;
        }
        const pkg = missing[cmd.base];
        if (!pkg || installed(pkg, cmd.span.start)) return;
        if (cmd.base === 'adduser' && busyboxAdduser(cmd.args.map((a) => a.value ?? ''))) {
          // Installing shadow-utils does not help: its adduser is useradd, which reads these options otherwise.
          ctx.report({
            span: cmd.nameWord.span,
            exact: cmd.exact && cmd.nameWord.exact,
            message: `${code('adduser')} here uses BusyBox's options (${code('-D')}, ${code('-S')}, ${code('-H')}, ${code('-G')} group): the Azure Linux 4.0 core container image has no adduser, and shadow-utils' adduser is useradd, which reads them otherwise (${code('-D')} prints or sets useradd's defaults).`,
            why: 'Knowledge sheet §2: "adduser is provided by shadow-utils (useradd semantics, not Debian\'s interactive adduser)" [M:specs/s/shadow-utils/shadow-utils.spec], and the core image lacks shadow-utils (§2 "Containers"). BusyBox adduser: -S system user, -D no password, -H no home, -h home, -s shell, -G group, -u uid (https://busybox.net/downloads/BusyBox.html); useradd: -r system account, -M no home, -d home, -s shell, -g primary group, -u uid (https://man7.org/linux/man-pages/man8/useradd.8.html).',
            action: `Install ${code('shadow-utils')} and rewrite with useradd: \`adduser -S -D -H -G grp user\` -> \`useradd -r -M -g grp user\` (-h DIR -> -d DIR; -s and -u are the same).`,
            evidence: cmd.base,
          });
          return;
        }
        ctx.report({
          span: cmd.nameWord.span,
          exact: cmd.exact && cmd.nameWord.exact,
          message: `${code(cmd.base)} is not in the Azure Linux 4.0 core container image; install ${code(pkg)} first.`,
          why: 'The core image requests only filesystem, bash and azurelinux-release-container (with coreutils-single and dnf5); its own tests must first install procps-ng, gawk, util-linux, iproute, iputils, hostname, shadow-utils and python3, and it drops the curl, openssl, findutils, gzip, tar and xz that the AZL3 core image had. Knowledge sheet §2 "Containers" and §3 [M:container-base.kiwi; IX:base/images/tests/cases/container-base/runtime/test_container_bvt.py@2298bdd].',
          action: `Add ${code(pkg)} to the image's \`dnf install -y\` line (before this command).`,
          evidence: cmd.base,
        });
      },
    };
  },
});
