import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import type { Span } from '../../../src/core/source.js';
import { infraOf } from '../../../src/languages/infra/facts.js';
import type { Setting } from '../../../src/languages/infra/model.js';
import { azAksPool } from '../../../src/languages/infra/azcli.js';

/** OS SKUs that are not Azure Linux (Ubuntu variants) or are the deprecated Mariner names. */
const OTHER = /^(Ubuntu|Ubuntu2204|Ubuntu2404|CBLMariner|Mariner)$/i;

export default defineRule({
  meta: {
    id: 'image/aks-os-sku',
    title: 'AKS node pool OS SKU is not AzureLinux',
    category: 'platform',
    severity: 'info',
    blocker: false,
    fixable: 'unsafe',
    effort: 1,
  },
  create(ctx) {
    const why =
      'AKS node pools select their OS with the OS SKU: `Ubuntu` (the default for Linux), `Ubuntu2204`, `Ubuntu2404`, `AzureLinux`, `AzureLinux3`, `AzureContainerLinux`, and the deprecated `CBLMariner` ("Microsoft recommends that new deployments choose \'AzureLinux\' instead"; Ossku, learn.microsoft.com/en-us/javascript/api/@azure/arm-containerservice/ossku). Azure Linux 4.0 is announced for VMs first; AKS support for it comes after the VM preview (knowledge sheet §0 "Supported on Azure VMs, AKS and container images", §4), so `AzureLinux` runs Azure Linux 3.0 nodes today.';
    const report = (span: Span, exact: boolean, sku: Setting | undefined, what: string) => {
      const fix = sku?.value !== undefined && sku.exact ? { title: 'Use AzureLinux', safety: 'unsafe' as const, edits: [{ span: sku.span, text: 'AzureLinux' }] } : undefined;
      ctx.report({
        span,
        exact,
        message: sku?.value ? `${what} uses OS SKU ${code(sku.value)}; Azure Linux node pools use ${code('AzureLinux')}.` : `${what} sets no OS SKU, so its nodes run Ubuntu; Azure Linux node pools use ${code('AzureLinux')}.`,
        why,
        action: 'Plan the move to `AzureLinux` node pools (new pool, cordon and drain the old one); Azure Linux 4.0 nodes arrive through that SKU once AKS supports them.',
        fix,
      });
    };
    return {
      command(cmd) {
        const a = azAksPool(cmd);
        if (!a) return;
        if (a.osSku?.value !== undefined && !OTHER.test(a.osSku.value)) return;
        if (!a.osSku && a.what === 'az aks nodepool update') return;
        report(a.osSku?.span ?? cmd.nameWord.span, a.osSku ? a.osSku.exact : cmd.exact, a.osSku, `${code(a.what)}`);
      },
      end() {
        for (const p of infraOf(ctx.facts)?.aksPools ?? []) {
          const sku = p.osSku;
          if (sku && (sku.value === undefined || !OTHER.test(sku.value))) continue;
          report(sku?.span ?? p.span, sku ? sku.exact : true, sku, `${code(p.type)} node pool`);
        }
      },
    };
  },
});
