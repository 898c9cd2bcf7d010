import type { FileFacts, PathRef } from '../../core/facts.js';
import { emptyCollected, finishFacts, parseHostDocument } from '../infra/model.js';
import { ySetting } from '../infra/obj.js';
import type { ComposeVolume } from './facts.js';

/** A docker-compose / compose file: service images and bind mounts (volume labels for SELinux). */
export async function analyzeCompose(file: string, text: string): Promise<FileFacts> {
  const c = emptyCollected(text);
  const root = parseHostDocument(file, text, c);
  const volumes: ComposeVolume[] = [];
  const paths: PathRef[] = [];
  for (const [name, svc] of root?.entries?.get('services')?.entries ?? []) {
    const img = ySetting(text, svc.entries?.get('image'));
    if (img?.value) c.images.push({ image: img.value, raw: img.value, span: img.span, exact: img.exact, unresolved: /\$\{?[A-Za-z_]/.test(img.value), context: 'container-image', host: 'compose' });
    for (const v of svc.entries?.get('volumes')?.items ?? []) {
      if (v.value !== undefined) {
        const s = ySetting(text, v)!;
        const parts = s.value!.split(':');
        if (parts.length < 2) continue;
        volumes.push({ service: name, source: parts[0]!, target: parts[1], options: parts[2] ? parts[2].split(',') : [], span: s.span, exact: s.exact, appendAt: s.exact ? s.span.end : undefined, long: false });
        if (parts[0]!.startsWith('/')) paths.push({ path: parts[0]!, span: { start: s.span.start, end: s.span.start + parts[0]!.length }, exact: s.exact, context: 'volume' });
      } else if (v.entries && v.entries.get('type')?.value === 'bind') {
        const src = ySetting(text, v.entries.get('source'));
        if (!src?.value) continue;
        const sel = v.entries.get('bind')?.entries?.get('selinux')?.value;
        volumes.push({ service: name, source: src.value, target: v.entries.get('target')?.value, options: sel ? [sel] : [], span: src.span, exact: src.exact, long: true });
      }
    }
  }
  const facts = await finishFacts(file, 'compose', text, c);
  facts.paths.push(...paths);
  return Object.assign(facts, { compose: { volumes } });
}
