import type { VmImageParts } from '../../core/facts.js';

/**
 * VM image families by Marketplace publisher (and az CLI alias). Publisher names as in the az CLI alias list
 * (Azure/azure-rest-api-specs arm-compute/quickstart-templates/aliases.json) and `az vm image list`.
 */
export interface VmFamily {
  family: string;
  /** Azure Linux 3.0 / CBL-Mariner: same vendor, the closest move. */
  azureLinux: boolean;
}

const PUBLISHERS: [RegExp, string][] = [
  [/^canonical$/i, 'Ubuntu'],
  [/^(debian|credativ)$/i, 'Debian'],
  [/^openlogic$/i, 'CentOS'],
  [/^redhat$/i, 'Red Hat Enterprise Linux'],
  [/^suse$/i, 'SUSE'],
  [/^almalinux$/i, 'AlmaLinux'],
  [/^(resf|erockyenterprisesoftwarefoundationinc\d*)$/i, 'Rocky Linux'],
  [/^oracle$/i, 'Oracle Linux'],
];

/** az CLI aliases (`az vm create --image Ubuntu2204`) and the family they name. */
const ALIASES: [RegExp, string][] = [
  [/^ubuntu/i, 'Ubuntu'],
  [/^debian/i, 'Debian'],
  [/^centos/i, 'CentOS'],
  [/^rhel/i, 'Red Hat Enterprise Linux'],
  [/^(sles|suse|opensuse)/i, 'SUSE'],
  [/^almalinux/i, 'AlmaLinux'],
  [/^rocky/i, 'Rocky Linux'],
  [/^oracle/i, 'Oracle Linux'],
];

export interface ParsedVmImage {
  publisher?: string;
  offer?: string;
  sku?: string;
  version?: string;
  alias?: string;
}

/** Split what an az command or a Pulumi program gives: a URN, an alias, or a resource id. */
export function parseVmImageString(s: string): ParsedVmImage | undefined {
  if (s.startsWith('/')) return undefined;
  const parts = s.split(':');
  if (parts.length === 4) return { publisher: parts[0], offer: parts[1], sku: parts[2], version: parts[3] };
  if (parts.length === 1 && /^[A-Za-z][\w.-]*$/.test(s)) return { alias: s };
  return undefined;
}

export function familyOf(p: ParsedVmImage): VmFamily | undefined {
  if (p.alias) {
    const a = ALIASES.find(([re]) => re.test(p.alias!));
    return a ? { family: a[1], azureLinux: false } : undefined;
  }
  const pub = p.publisher ?? '';
  if (/^microsoftcblmariner$/i.test(pub)) return { family: /azure-linux/i.test(p.offer ?? '') ? 'Azure Linux 3.0' : 'CBL-Mariner', azureLinux: true };
  const m = PUBLISHERS.find(([re]) => re.test(pub));
  return m ? { family: m[1], azureLinux: false } : undefined;
}

/** Windows images (the other rules are about Linux VMs). */
export function isWindowsImage(p: ParsedVmImage): boolean {
  return /windows/i.test(p.publisher ?? '') || /^win/i.test(p.alias ?? '') || /windows/i.test(p.offer ?? '');
}

export function isTargetVm(p: ParsedVmImage): boolean {
  return /^microsoftazurelinux$/i.test(p.publisher ?? '') && /^azurelinux-4$/i.test(p.offer ?? '');
}

/** Arm64 Azure sizes carry a `p` feature letter (Dpsv5, Dplsv5, Epsv5, Dpdsv6 ...). */
export function isArm64Size(size: string | undefined): boolean {
  return !!size && /^Standard_[A-Z]+\d+[a-z]*p[a-z]*_v\d+$/i.test(size) && /^Standard_[A-Z]+\d+p/i.test(size);
}

export function partsOf(vm: VmImageParts): ParsedVmImage {
  if (vm.form === 'parts') return { publisher: vm.publisher?.value, offer: vm.offer?.value, sku: vm.sku?.value, version: vm.version?.value };
  return (vm.whole?.value !== undefined ? parseVmImageString(vm.whole.value) : undefined) ?? {};
}


