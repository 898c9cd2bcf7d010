import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import type { ImagePart, ImageRef } from '../../../src/core/facts.js';
import type { Fix, TextEdit } from '../../../src/core/types.js';
import type { TargetProfile } from '../../../src/knowledge/target.js';
import { infraOf } from '../../../src/languages/infra/facts.js';
import { azVmCreate } from '../../../src/languages/infra/azcli.js';
import { familyOf, isArm64Size, isTargetVm, parseVmImageString, partsOf, type ParsedVmImage } from '../../../src/languages/infra/vmimage.js';

/** The target URN split into parts; `4-arm64` for Arm64 sizes or SKUs. */
function targetParts(t: TargetProfile, arm: boolean): [string, string, string, string] {
  const urn = (arm ? t.images['vm-arm64'] : t.images.vm) ?? 'microsoftazurelinux:azurelinux-4:4:latest';
  return urn.split(':') as [string, string, string, string];
}

/** A production template: its path names prod/production (where `latest` should be pinned and promoted). */
export function isProductionPath(file: string): boolean {
  return /(^|[/._-])(prod|production|prd)([/._-]|$)/i.test(file);
}

function partsFix(ref: ImageRef, to: [string, string, string, string], safe: boolean): Fix | undefined {
  const vm = ref.vm!;
  const edits: TextEdit[] = [];
  const keys = ['publisher', 'offer', 'sku', 'version'] as const;
  for (let i = 0; i < 4; i++) {
    const p: ImagePart | undefined = vm[keys[i]!];
    if (!p) {
      if (i < 3) return undefined;
      continue;
    }
    if (p.value === undefined || !p.exact) return undefined;
    if (p.value !== to[i]) edits.push({ span: p.span, text: to[i]! });
  }
  return edits.length ? { title: `Use ${to.join(':')}`, safety: safe ? 'safe' : 'unsafe', edits } : undefined;
}

const WHY = (t: TargetProfile) =>
  `Azure Linux 4.0 VMs come from the Marketplace image ${t.images.vm} (${t.images['vm-arm64']} for Arm64); it is Gen2 only and its OS disk is 5 GB (knowledge sheet §2 "VM (Marketplace)").`;

export default defineRule({
  meta: {
    id: 'image/azure-vm',
    title: 'VM image reference is not Azure Linux 4.0',
    category: 'base-image',
    severity: 'error',
    blocker: false,
    fixable: 'unsafe',
    effort: 3,
  },
  create(ctx) {
    // Asked only for a target image pinned to `latest` (a case-insensitive alternation at every offset of the path).
    let prodPath: boolean | undefined;
    const prod = () => (prodPath ??= isProductionPath(ctx.facts.file));
    const vmOf = (ref: ImageRef) => infraOf(ctx.facts)?.vms.find((v) => v.image === ref);
    const report = (p: ParsedVmImage, shown: string, span: { start: number; end: number }, exact: boolean, size: string | undefined, diskSet: boolean, fix: (to: [string, string, string, string], safe: boolean) => Fix | undefined) => {
      const arm = isArm64Size(size) || /arm64|aarch64/i.test(p.sku ?? p.alias ?? '');
      if (isTargetVm(p)) {
        if ((p.version ?? '').toLowerCase() === 'latest' && prod()) {
          ctx.report({
            span,
            exact,
            severity: 'warning',
            message: `Production template deploys ${code(shown)} with version \`latest\`.`,
            why: 'Azure Linux 4.0 is a preview that still changes (knowledge sheet §0: prerelease "Alpha2", §5); `latest` rolls every new deployment onto a different image.',
            action: 'Pin an image version, capture it in an Azure Compute Gallery, and promote tested versions from there.',
          });
        }
        return;
      }
      const fam = familyOf(p);
      if (!fam) return;
      const to = targetParts(ctx.target, arm);
      const urn = to.join(':');
      ctx.report({
        span,
        exact,
        message: `VM image ${code(shown)} is ${fam.family}; the Azure Linux 4.0 image is ${code(urn)}.`,
        why: `${WHY(ctx.target)}${diskSet ? '' : ' This VM sets no OS disk size, so it gets the image\'s 5 GB disk.'}`,
        action: `Use ${code(urn)}${arm ? ' (Arm64 size)' : ''}, set the OS disk size explicitly, and move what the VM runs at boot (cloud-init, extensions, scripts) to dnf and Azure Linux conventions.`,
        fix: fix(to, fam.azureLinux),
      });
    };
    return {
      image(ref) {
        if (ref.context !== 'vm-image' || !ref.vm) return;
        const vm = vmOf(ref);
        const p = partsOf(ref.vm);
        if (ref.vm.form === 'parts' && !p.publisher) return;
        report(p, ref.image, ref.span, ref.exact, ref.vm.size?.value ?? vm?.size?.value, !!vm?.osDiskSizeGb, (to, safe) => partsFix(ref, to, safe));
      },
      command(cmd) {
        const az = azVmCreate(cmd);
        const img = az?.image;
        if (!az || !img?.value) return;
        const p = parseVmImageString(img.value);
        if (!p) return;
        report(p, img.value, img.span, img.exact && cmd.exact, az.size?.value, !!az.osDiskSizeGb, (to, safe) => (img.exact && cmd.exact ? { title: `Use ${to.join(':')}`, safety: safe ? 'safe' : 'unsafe', edits: [{ span: img.span, text: to.join(':') }] } : undefined));
      },
    };
  },
});
