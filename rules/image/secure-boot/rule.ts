import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import type { Span } from '../../../src/core/source.js';
import { infraOf } from '../../../src/languages/infra/facts.js';
import { azVmCreate } from '../../../src/languages/infra/azcli.js';
import { isWindowsImage, parseVmImageString, partsOf } from '../../../src/languages/infra/vmimage.js';

const TRUE = /^(true|yes|1)$/i;

export default defineRule({
  meta: {
    id: 'image/secure-boot',
    title: 'Secure Boot required while the Azure Linux 4.0 preview boot components may be unsigned',
    category: 'platform',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 1,
    unconfirmed: true,
  },
  create(ctx) {
    const report = (span: Span, exact: boolean, what: string) =>
      ctx.report({
        span,
        exact,
        message: `${what}: the Azure Linux 4.0 preview may not boot with Secure Boot (UNCONFIRMED).`,
        why: 'Microsoft Learn\'s architecture page contradicts itself: one revision says Secure Boot is mandatory, a later one says the preview\'s components "aren\'t yet signed for Secure Boot" (knowledge sheet §2 "Secure Boot / Trusted Launch", UNCONFIRMED).',
        action: 'Test the VM with Secure Boot on a preview image first; if it does not boot, deploy with security type Standard (`--security-type Standard`, `secure_boot_enabled = false`) until signed images ship, and track the change.',
      });
    return {
      command(cmd) {
        const az = azVmCreate(cmd);
        if (!az) return;
        const img = az.image?.value !== undefined ? parseVmImageString(az.image.value) : undefined;
        if (img && isWindowsImage(img)) return;
        if (az.secureBoot?.value && TRUE.test(az.secureBoot.value)) report(az.secureBoot.span, az.secureBoot.exact, `${code(`az ${az.group} create`)} enables Secure Boot`);
      },
      end() {
        for (const vm of infraOf(ctx.facts)?.vms ?? []) {
          if (vm.image?.vm && isWindowsImage(partsOf(vm.image.vm))) continue;
          if (vm.secureBoot?.value && TRUE.test(vm.secureBoot.value)) report(vm.secureBoot.span, vm.secureBoot.exact, `${code(vm.type)} enables Secure Boot`);
          else if (!vm.secureBoot && vm.securityType?.value === 'TrustedLaunch' && vm.host !== 'arm' && vm.host !== 'bicep') report(vm.securityType.span, vm.securityType.exact, `${code(vm.type)} uses Trusted Launch`);
        }
      },
    };
  },
});
