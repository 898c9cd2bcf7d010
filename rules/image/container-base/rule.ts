import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import { MAPPINGS, isTarget, parseImage } from '../base-image/rule.js';

const WHERE: Record<string, string> = {
  'github-actions': 'GitHub Actions job container or service',
  'azure-pipelines': 'Azure Pipelines container',
  'gitlab-ci': 'GitLab CI image',
  compose: 'compose service image',
  packer: 'Packer docker builder image',
};

export default defineRule({
  meta: {
    id: 'image/container-base',
    title: 'Container image in CI or compose is not Azure Linux 4.0',
    category: 'base-image',
    severity: 'warning',
    blocker: false,
    fixable: 'unsafe',
    effort: 1,
  },
  create(ctx) {
    return {
      image(ref) {
        if (ref.context !== 'container-image' || ref.unresolved) return;
        const img = parseImage(ref.image);
        if (isTarget(img)) return;
        const m = MAPPINGS.find((x) => x.test(img));
        if (!m) return;
        const to = m.to(ctx.target, img);
        const where = WHERE[ref.host ?? ''] ?? 'container image';
        // Service images (databases, caches) are not what the application builds on: report them as info.
        const service = m.severity === 'warning';
        ctx.report({
          span: ref.span,
          exact: ref.exact,
          severity: service ? 'info' : 'warning',
          message: `${where[0]!.toUpperCase()}${where.slice(1)} ${code(ref.image)} is ${m.family}; the Azure Linux 4.0 image is ${code(to)}.`,
          why: `Jobs and services that run on ${m.family} do not test what Azure Linux 4.0 ships. Azure Linux 4.0 container images are ${ctx.target.images.core} and the distroless minimal, base and debug images (knowledge sheet §2 "Containers", §3). The core image holds little beyond bash, dnf5 and coreutils-single.${m.note ? ` ${m.note}` : ''}`,
          action: `Run the job (or add one) on ${code(to)} and install what it needs with \`dnf install -y\`.`,
          fix: ref.exact ? { title: `Use ${to}`, safety: 'unsafe', edits: [{ span: ref.span, text: to }] } : undefined,
        });
      },
    };
  },
});
