import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import type { Span } from '../../../src/core/source.js';
import { infraOf } from '../../../src/languages/infra/facts.js';
import { azVmCreate } from '../../../src/languages/infra/azcli.js';
import { isTargetVm, isWindowsImage, parseVmImageString, partsOf } from '../../../src/languages/infra/vmimage.js';

/**
 * Sizes that only boot Generation 1 images. Av2: "VM Generation Support: Generation 1" (MicrosoftDocs/azure-docs
 * articles/virtual-machines/av2-series.md); Basic_A and the retired A0–A11 series are Gen1 only as well.
 */
export const GEN1_ONLY_SIZE = /^(Standard_A\d+m?_v2|Basic_A\d+|Standard_A\d+)$/i;

export default defineRule({
  meta: {
    id: 'image/generation',
    title: 'Generation 1 VM: the Azure Linux 4.0 image is Gen2 only',
    category: 'platform',
    severity: 'error',
    blocker: true,
    fixable: false,
    effort: 2,
  },
  create(ctx) {
    const why = 'The Azure Linux 4.0 Marketplace images are Gen2 (UEFI) only: Gen1 is "Not available for Preview" (knowledge sheet §2 "VM (Marketplace)", [L:Deploying Azure Linux on Azure VMs]; §3: Azure Linux 3.0 had a Gen1 image, 4.0 does not).';
    const gen1 = (span: Span, exact: boolean, what: string, action: string) => ctx.report({ span, exact, message: what, why, action });
    const sizeCheck = (size: { value?: string; span: Span; exact: boolean } | undefined) => {
      if (size?.value && GEN1_ONLY_SIZE.test(size.value)) gen1(size.span, size.exact, `VM size ${code(size.value)} only boots Generation 1 images.`, 'Choose a size that supports Generation 2 (for example a Dsv5, Dasv5 or Bsv2 size) before moving to Azure Linux 4.0.');
    };
    return {
      command(cmd) {
        const az = azVmCreate(cmd);
        const img = az?.image?.value !== undefined ? parseVmImageString(az.image.value) : undefined;
        if (az && !(img && isWindowsImage(img))) sizeCheck(az.size);
      },
      end() {
        for (const vm of infraOf(ctx.facts)?.vms ?? []) {
          if (vm.image?.vm && isWindowsImage(partsOf(vm.image.vm))) continue;
          const g = vm.generation;
          if (g?.value && /^(v1|1|gen1)$/i.test(g.value)) gen1(g.span, g.exact, `${code(vm.type)} is Hyper-V generation ${code(g.value)}.`, 'Use Generation 2 (`V2`): build or capture images as Gen2 and keep Gen1 images off the Azure Linux 4.0 path.');
          sizeCheck(vm.size);
          const sku = vm.image?.vm?.sku;
          if (vm.image?.vm && sku?.value && /(^|[-_])gen1$/i.test(sku.value) && !isTargetVm(partsOf(vm.image.vm))) gen1(sku.span, sku.exact, `Image SKU ${code(sku.value)} is a Generation 1 image.`, 'Move to a Gen2 image; the Azure Linux 4.0 image (Gen2) replaces it.');
        }
      },
    };
  },
});
