import { defineRule } from '../../../src/core/rule.js';
import type { ShellCommand } from '../../../src/core/facts.js';
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
const DISTROLESS = /azurelinux(-beta)?\/distroless\/(minimal|base)(:|@|$)/;

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
    const distrolessReported = new Set<string>();
    return {
      command(cmd) {
        if (!active) return;
        if (isDocker) {
          const image = stageImageOf(ctx.facts as never, cmd) ?? '';
          if (DISTROLESS.test(image)) {
            if (distrolessReported.has(image)) return;
            distrolessReported.add(image);
            ctx.report({
              span: cmd.nameWord.span,
              exact: cmd.exact,
              severity: 'error',
              blocker: true,
              message: `This stage is based on an Azure Linux distroless image (${code(image)}), which has no shell and no package manager: RUN cannot execute.`,
              why: 'Distroless builds force-remove bash and ca-certificates and delete the rpm database and dnf state; minimal has only filesystem, release and tzdata, base adds glibc, libgcc, openssl-libs and setup. Knowledge sheet §2 "Containers" [M:base/images/container-base/config.sh; M:container-base.kiwi].',
              action: 'Do the work in a build stage FROM mcr.microsoft.com/azurelinux-beta/base/core:4.0 and COPY the results into the distroless stage.',
            });
            return;
          }
          if (!DISTRO_BASE_IMAGE.test(image)) return;
        }
        const pkg = missing[cmd.base];
        if (!pkg || installed(pkg, cmd.span.start)) return;
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
