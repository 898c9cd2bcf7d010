import type { ImagePart, ImageRef } from '../../core/facts.js';
import type { Obj } from '../infra/obj.js';
import { imageText, type Collected, type Setting, type VmDecl } from '../infra/model.js';

const VM_TYPES = new Set(['azurerm_linux_virtual_machine', 'azurerm_linux_virtual_machine_scale_set', 'azurerm_virtual_machine', 'azurerm_virtual_machine_scale_set', 'azurerm_orchestrated_virtual_machine_scale_set']);
const IMAGE_TYPES = new Set(['azurerm_shared_image', 'azurerm_image', 'azurerm_managed_disk']);
const AKS_TYPES = new Set(['azurerm_kubernetes_cluster', 'azurerm_kubernetes_cluster_node_pool']);

export function part(s: Setting | undefined): ImagePart | undefined {
  return s ? { value: s.value, span: s.span, exact: s.exact } : undefined;
}

/** A VM image from a block with publisher/offer/sku/version (Terraform) or image_publisher/... (Packer). */
export function vmImageFrom(o: Obj, keys: [string, string, string, string], host: string, size?: Setting): ImageRef | undefined {
  const [p, of, s, v] = keys.map((k) => part(o.get(k)));
  if (!p && !of && !s) return undefined;
  const parts = { publisher: p, offer: of, sku: s, version: v };
  const anyExpr = [p, of, s].some((x) => !x || x.value === undefined);
  return {
    image: imageText(parts),
    raw: imageText(parts),
    span: o.headSpan,
    exact: true,
    unresolved: anyExpr,
    context: 'vm-image',
    host,
    vm: { form: 'parts', ...parts, size: part(size) },
  };
}

/** Cloud-init or a script given to a VM as custom_data/user_data. */
export function userData(o: Obj, key: string, c: Collected, file: string, origin: string): void {
  if (!o.has(key)) return;
  const t = o.text(key);
  if (t) {
    const body = t.text.replace(/^\s+/, '');
    if (/^#cloud-config\b/.test(body)) c.cloudConfigs.push(t);
    else if (/^#!/.test(body)) c.shell.push({ source: t, origin: `${origin} ${key} script` });
    return;
  }
  const ref = o.callArg?.(key);
  const s = o.get(key);
  if (ref) {
    const line = s ? c.source?.position(s.span.start) : undefined;
    c.notes.push({ file, kind: 'info', message: `${key} reads ${ref}: that file is scanned on its own (as cloud-init when it starts with #cloud-config), not as part of this resource.`, ...(line ?? {}) });
  }
}

/** Terraform resources (from HCL blocks or JSON objects) into VM, image and AKS facts. */
export function collectTerraformResources(resources: { type: string; obj: Obj }[], c: Collected, file: string): void {
  for (const { type, obj } of resources) {
    if (VM_TYPES.has(type)) {
      const size = obj.get('size') ?? obj.get('vm_size') ?? (type.endsWith('scale_set') ? obj.get('sku') : undefined) ?? obj.get('sku_name');
      const ref = obj.children('source_image_reference')[0] ?? obj.children('storage_image_reference')[0];
      const image = ref ? vmImageFrom(ref, ['publisher', 'offer', 'sku', 'version'], 'terraform', size) : undefined;
      if (image) c.images.push(image);
      const disk = obj.children('os_disk')[0] ?? obj.children('storage_os_disk')[0];
      const vm: VmDecl = {
        host: 'terraform',
        type,
        span: obj.headSpan,
        image,
        size,
        secureBoot: obj.get('secure_boot_enabled'),
        vtpm: obj.get('vtpm_enabled'),
        osDiskSizeGb: disk?.get('disk_size_gb'),
        bodyStart: obj.bodyStart,
      };
      c.infra.vms.push(vm);
      for (const key of ['custom_data', 'user_data']) userData(obj, key, c, file, type);
      for (const p of obj.children('os_profile')) userData(p, 'custom_data', c, file, type);
    } else if (IMAGE_TYPES.has(type)) {
      const gen = obj.get('hyper_v_generation');
      if (gen) c.infra.vms.push({ host: 'terraform', type, span: obj.headSpan, generation: gen });
    } else if (AKS_TYPES.has(type)) {
      const pools = type === 'azurerm_kubernetes_cluster' ? obj.children('default_node_pool') : [obj];
      for (const p of pools) c.infra.aksPools.push({ host: 'terraform', type, span: p.headSpan, osSku: p.get('os_sku') });
    }
  }
}

