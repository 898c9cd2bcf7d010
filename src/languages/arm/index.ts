import type { FileFacts, ImageRef } from '../../core/facts.js';
import type { EmbeddedSource } from '../../core/sourcemap.js';
import type { YValue } from '../ansible/facts.js';
import { scalarSource } from '../ansible/yaml.js';
import { subSource } from '../systemd/embed.js';
import { emptyCollected, finishFacts, imageText, parseHostDocument, type Collected, type Setting } from '../infra/model.js';
import { ySetting } from '../infra/obj.js';

const get = (v: YValue | undefined, ...path: string[]): YValue | undefined => {
  let cur = v;
  for (const k of path) cur = cur?.entries?.get(k);
  return cur;
};

/** An ARM string that is a template expression (`[parameters('x')]`) has no literal value. */
function armSetting(host: string, v: YValue | undefined): Setting | undefined {
  const s = ySetting(host, v);
  if (!s) return undefined;
  if (s.value !== undefined && /^\[(?!\[)/.test(s.value)) return { span: s.span, exact: s.exact, keySpan: s.keySpan };
  if (s.value?.startsWith('[[')) return { ...s, value: s.value.slice(1), exact: false };
  return s;
}

export function armImage(host: string, ref: YValue | undefined, head: YValue, size: Setting | undefined, hostName: string, setting = armSetting): ImageRef | undefined {
  if (!ref?.entries) return undefined;
  const p = (k: string) => {
    const s = setting(host, ref.entries!.get(k));
    return s ? { value: s.value, span: s.span, exact: s.exact } : undefined;
  };
  const parts = { publisher: p('publisher'), offer: p('offer'), sku: p('sku'), version: p('version') };
  if (!parts.publisher && !parts.offer && !parts.sku) return undefined;
  return {
    image: imageText(parts),
    raw: imageText(parts),
    span: ref.keySpan ?? head.span,
    exact: true,
    unresolved: [parts.publisher, parts.offer, parts.sku].some((x) => x?.value === undefined),
    context: 'vm-image',
    host: hostName,
    vm: { form: 'parts', ...parts, size: size ? { value: size.value, span: size.span, exact: size.exact } : undefined },
  };
}

/** customData: `[base64('#cloud-config ...')]` inline or `[base64(variables('name'))]` pointing at a string variable. */
function customData(host: string, v: YValue | undefined, variables: YValue | undefined): EmbeddedSource | undefined {
  if (v?.value === undefined) return undefined;
  const src = scalarSource(host, v.span);
  const inline = /^\[base64\('([\s\S]*)'\)\]$/.exec(src.text);
  if (inline) return subSource(src, 9, src.text.length - 3, src.text.slice(9, src.text.length - 3).replace(/''/g, " '"));
  const ref = /^\[base64\(variables\('([^']+)'\)\)\]$/.exec(src.text);
  if (ref) {
    const target = variables?.entries?.get(ref[1]!);
    if (target?.value !== undefined) return scalarSource(host, target.span);
  }
  return undefined;
}

function isCloudConfig(e: EmbeddedSource | undefined): e is EmbeddedSource {
  return !!e && /^\s*#cloud-config\b/.test(e.text);
}

function walkResources(host: string, list: YValue | undefined, variables: YValue | undefined, c: Collected): void {
  for (const r of list?.items ?? (list?.entries ? [...list.entries.values()] : [])) {
    armResource(host, r, variables, c, 'arm');
    const t = r.entries?.get('type')?.value?.toLowerCase();
    if (t === 'microsoft.resources/deployments') {
      const tpl = get(r, 'properties', 'template');
      walkResources(host, get(tpl, 'resources'), get(tpl, 'variables'), c);
    }
    walkResources(host, get(r, 'resources'), variables, c);
  }
}

/** One ARM (or Bicep) resource: VMs and scale sets, image definitions, AKS clusters and pools. */
export function armResource(host: string, r: YValue, variables: YValue | undefined, c: Collected, hostName: string, userData?: (v: YValue | undefined) => EmbeddedSource | undefined): void {
  const type = r.entries?.get('type')?.value;
  if (!type) return;
  const t = type.toLowerCase();
  const props = get(r, 'properties');
  const head = r.entries?.get('type') ?? r;
  const headSpan = ySetting(host, head)?.span ?? r.span;
  if (t === 'microsoft.compute/virtualmachines' || t === 'microsoft.compute/virtualmachinescalesets') {
    const prof = t.endsWith('scalesets') ? get(props, 'virtualMachineProfile') : props;
    const size = armSetting(host, t.endsWith('scalesets') ? get(r, 'sku', 'name') : get(prof, 'hardwareProfile', 'vmSize'));
    const image = armImage(host, get(prof, 'storageProfile', 'imageReference'), head, size, hostName);
    if (image) c.images.push(image);
    const sec = get(prof, 'securityProfile');
    c.infra.vms.push({
      host: hostName,
      type,
      span: headSpan,
      image,
      size,
      securityType: armSetting(host, get(sec, 'securityType')),
      secureBoot: armSetting(host, get(sec, 'uefiSettings', 'secureBootEnabled')),
      vtpm: armSetting(host, get(sec, 'uefiSettings', 'vTpmEnabled')),
      osDiskSizeGb: armSetting(host, get(prof, 'storageProfile', 'osDisk', 'diskSizeGB')),
    });
    const cdv = get(prof, 'osProfile', 'customData');
    const cd = userData ? userData(cdv) : customData(host, cdv, variables);
    if (isCloudConfig(cd)) c.cloudConfigs.push(cd);
  } else if (t === 'microsoft.compute/galleries/images' || t === 'microsoft.compute/images' || t === 'microsoft.compute/disks') {
    const gen = armSetting(host, get(props, 'hyperVGeneration'));
    if (gen) c.infra.vms.push({ host: hostName, type, span: headSpan, generation: gen });
  } else if (t === 'microsoft.containerservice/managedclusters') {
    for (const p of get(props, 'agentPoolProfiles')?.items ?? []) c.infra.aksPools.push({ host: hostName, type, span: ySetting(host, get(p, 'name'))?.span ?? p.span, osSku: armSetting(host, get(p, 'osSKU')) });
  } else if (t === 'microsoft.containerservice/managedclusters/agentpools') {
    c.infra.aksPools.push({ host: hostName, type, span: headSpan, osSku: armSetting(host, get(props, 'osSKU')) });
  }
}

/** An ARM deployment template (JSON with a deploymentTemplate $schema). */
export async function analyzeArm(file: string, text: string): Promise<FileFacts> {
  const c = emptyCollected(text);
  const root = parseHostDocument(file, text, c);
  walkResources(text, get(root, 'resources'), get(root, 'variables'), c);
  return finishFacts(file, 'arm', text, c);
}

