import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import { infraOf } from '../../../src/languages/infra/facts.js';
import { isTarget, parseImage } from '../../image/base-image/rule.js';

const UBUNTU_RUNNER = /^ubuntu(-latest|-\d{2}\.\d{2}(-arm)?|-24\.04|-22\.04|-20\.04)?$/i;
const DEBIANISH_IMAGE = /^(docker\.io\/)?(library\/)?(ubuntu|debian|buildpack-deps|node|python|golang|ruby|php|openjdk|eclipse-temurin|rust|gcc)(:|$)/i;

export default defineRule({
  meta: {
    id: 'ci/runner-image',
    title: 'CI tests only on Ubuntu: no Azure Linux 4.0 job',
    category: 'platform',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 2,
    kinds: ['workflow'],
  },
  create(ctx) {
    return {
      end() {
        const infra = infraOf(ctx.facts);
        const jobs = infra?.ciJobs ?? [];
        // Files whose jobs run no shell (labelers, release bots: only `uses:` actions) build and test nothing here.
        if (!jobs.length || ctx.facts.commands.length === 0) return;
        const onTarget = jobs.some((j) => j.containers.some((c) => c.value && isTarget(parseImage(c.value))));
        if (onTarget) return;
        // Where each job runs: its container if any, else its runner (GitLab without image: the runner's default).
        const ubuntu = jobs.map((j) => {
          if (j.containers.length) return j.containers.every((c) => c.value !== undefined && DEBIANISH_IMAGE.test(c.value)) ? j.containers[0]! : undefined;
          if (j.runners.length) return j.runners.every((r) => r.value !== undefined && UBUNTU_RUNNER.test(r.value)) ? j.runners[0]! : undefined;
          return undefined;
        });
        if (ubuntu.some((u) => !u)) return;
        const first = ubuntu[0]!;
        ctx.report({
          span: first.span,
          exact: first.exact,
          message: `Every job of this ${infra!.ci ?? 'CI'} file runs on Ubuntu or a Debian-based image (${code(first.value ?? '')}${jobs.length > 1 ? ` and ${jobs.length - 1} more` : ''}); none runs on Azure Linux 4.0.`,
          why: `Ubuntu runners and images have apt, Debian package names, AppArmor and no SELinux; a pipeline that never runs on Azure Linux 4.0 cannot catch what this migration breaks (knowledge sheet §1–§3). Azure Linux 4.0 runs in containers as ${ctx.target.images.core} (§2 "Containers").`,
          action: `Add a job that runs the build and tests in the container ${code(ctx.target.images.core ?? '')} (GitHub Actions \`container:\`, Azure Pipelines \`container:\`, GitLab \`image:\`), installing tools with \`dnf install -y\`.`,
        });
      },
    };
  },
});
