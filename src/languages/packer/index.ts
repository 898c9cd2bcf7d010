import type { FileFacts } from '../../core/facts.js';
import { emptyCollected, finishFacts, parseHostDocument, type Collected } from '../infra/model.js';
import { jsonObj, type Obj } from '../infra/obj.js';
import { blocksOf, hclParser, stringSource } from '../terraform/hcl.js';
import { parseCopy } from '../tree.js';
import { fileValues, hclObj } from '../terraform/obj.js';
import { vmImageFrom } from '../terraform/azure.js';
import { scalarSource } from '../ansible/yaml.js';
import { EmbeddedSource } from '../../core/sourcemap.js';
import { maskJinja } from '../systemd/embed.js';

const AZURE_KEYS: [string, string, string, string] = ['image_publisher', 'image_offer', 'image_sku', 'image_version'];

/** A builder/source: azure-arm gives a VM image, docker a container image. */
function collectSource(type: string, o: Obj, c: Collected): void {
  if (type === 'azure-arm') {
    const size = o.get('vm_size');
    const image = vmImageFrom(o, AZURE_KEYS, 'packer', size);
    if (image) {
      image.span = o.get('image_publisher')?.keySpan ?? o.headSpan;
      c.images.push(image);
    }
    c.infra.vms.push({ host: 'packer', type, span: o.headSpan, image, size, secureBoot: o.get('secure_boot_enabled'), vtpm: o.get('vtpm_enabled'), securityType: o.get('security_type'), osDiskSizeGb: o.get('os_disk_size_gb'), bodyStart: o.bodyStart });
  } else if (type === 'docker') {
    const img = o.get('image');
    if (img) c.images.push({ image: img.value ?? '?', raw: img.value ?? '?', span: img.span, exact: img.exact, unresolved: img.value === undefined, context: 'container-image', host: 'packer' });
  }
}

/** `shell` provisioners: `inline` lines are one script; `script`/`scripts` files are scanned on their own. */
function collectProvisioner(type: string, o: Obj, c: Collected, file: string, text: string, json: boolean): void {
  if (type !== 'shell' && type !== 'shell-local') return;
  for (const line of o.list('inline')) {
    if (line.value === undefined && !json) {
      c.shell.push({ source: stringSource(text, line), origin: `packer ${type} inline` });
      continue;
    }
    if (line.value === undefined) continue;
    const src = json ? scalarSource(text, { start: line.span.start - 1, end: line.span.end + 1 }) : stringSource(text, line);
    // Legacy JSON templates use Go templates (`{{user \`x\`}}`): a same-length shell expansion instead.
    c.shell.push({ source: new EmbeddedSource(maskJinja(src.text), src.segments, src.hostSpan), origin: `packer ${type} inline` });
  }
  for (const s of [o.get('script'), ...o.list('scripts')]) {
    if (s?.value) c.notes.push({ file, kind: 'info', message: `packer ${type} provisioner runs ${s.value}: that script is scanned on its own when it is in the repository.`, ...(c.source?.position(s.span.start) ?? {}) });
  }
}

/** Packer templates: HCL2 (`*.pkr.hcl`) or legacy JSON (`*.pkr.json`, or `packer.json`-style files with builders). */
export async function analyzePacker(file: string, text: string): Promise<FileFacts> {
  const c = emptyCollected(text);
  if (/\.json$/i.test(file)) {
    const root = parseHostDocument(file, text, c);
    for (const b of root?.entries?.get('builders')?.items ?? []) {
      if (!b.entries) continue;
      const o = jsonObj(text, b);
      collectSource(b.entries.get('type')?.value ?? '', o, c);
    }
    for (const p of root?.entries?.get('provisioners')?.items ?? []) {
      if (!p.entries) continue;
      collectProvisioner(p.entries.get('type')?.value ?? '', jsonObj(text, p), c, file, text, true);
    }
    return finishFacts(file, 'packer', text, c);
  }
  const root = parseCopy(await hclParser(), text);
  if (!root) {
    c.notes.push({ file, kind: 'parse', message: 'HCL: the file could not be parsed within the time budget; it is not analysed.' });
    return finishFacts(file, 'packer', text, c);
  }
  if (root.hasError) c.notes.push({ file, kind: 'parse', message: 'HCL: the file has syntax errors; parts of it may not be analysed.' });
  const body = root.namedChildren.find((n) => n.type === 'body') ?? null;
  const blocks = blocksOf(body);
  const values = fileValues(blocks);
  for (const b of blocks) {
    if (b.type === 'source' && b.labels[0]) collectSource(b.labels[0], hclObj(text, b, values), c);
    if (b.type === 'build') {
      for (const s of b.blocks) {
        if (s.type === 'source' && s.labels[0]) collectSource(s.labels[0].split('.')[0]!, hclObj(text, s), c);
        if (s.type === 'provisioner' && s.labels[0]) collectProvisioner(s.labels[0], hclObj(text, s), c, file, text, false);
      }
    }
  }
  return finishFacts(file, 'packer', text, c);
}
