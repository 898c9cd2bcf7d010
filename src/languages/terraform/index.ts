import type { FileFacts } from '../../core/facts.js';
import { emptyCollected, finishFacts, parseHostDocument } from '../infra/model.js';
import { jsonObj, type Obj } from '../infra/obj.js';
import { blocksOf, hclParser } from './hcl.js';
import { parseCopy } from '../tree.js';
import { fileValues, hclObj } from './obj.js';
import { collectTerraformResources } from './azure.js';

/** A Terraform file (`*.tf`, HCL) or `*.tf.json`. */
export async function analyzeTerraform(file: string, text: string): Promise<FileFacts> {
  const c = emptyCollected(text);
  const resources: { type: string; obj: Obj }[] = [];
  if (/\.json$/i.test(file)) {
    const root = parseHostDocument(file, text, c);
    for (const r of [root?.entries?.get('resource')].flatMap((x) => (x?.items ?? (x ? [x] : [])))) {
      for (const [type, byName] of r.entries ?? []) {
        for (const [, body] of byName.entries ?? []) {
          for (const one of body.items ?? [body]) if (one.entries) resources.push({ type, obj: jsonObj(text, { ...one, keySpan: byName.keySpan }) });
        }
      }
    }
    return finishFacts(file, 'terraform', text, (collectTerraformResources(resources, c, file), c));
  }
  const root = parseCopy(await hclParser(), text);
  if (!root) {
    c.notes.push({ file, kind: 'parse', message: 'HCL: the file could not be parsed within the time budget; it is not analysed.' });
    return finishFacts(file, 'terraform', text, c);
  }
  if (root.hasError) c.notes.push({ file, kind: 'parse', message: 'HCL: the file has syntax errors; parts of it may not be analysed.' });
  const body = root.namedChildren.find((n) => n.type === 'body') ?? null;
  const blocks = blocksOf(body);
  const values = fileValues(blocks);
  for (const b of blocks) if (b.type === 'resource' && b.labels[0]) resources.push({ type: b.labels[0], obj: hclObj(text, b, values) });
  collectTerraformResources(resources, c, file);
  return finishFacts(file, 'terraform', text, c);
}
