/**
 * A scan worker: reads, decodes and analyses the files it is sent, with the shipped rules named by id.
 * Messages in: {type:'init', ruleIds, targetId, maxFileSize} then {type:'file', index, abs, rel, kind}...
 * Messages out, per file: {type:'start', index} when it begins the file (the main thread's time budget runs from
 * there), then {type:'result', index, outcome}.
 */
import { parentPort } from 'node:worker_threads';
import type { FileKind } from './core/facts.js';
import type { Rule } from './core/rule.js';

const { scanFile, scanText } = await import('./scan.js');
const { allRules } = await import('./rules/index.js');

let rules: Rule[] = [];
let targetId = '';
let maxFileSize: number | undefined;
let repoFiles: ReadonlySet<string> = new Set();
/** Kinds whose adapter (and parser) is loaded: loading is not charged to the first file's time budget. */
const warm = new Set<FileKind>();
// Files are analysed one after the other, in the order sent.
let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (m: { type: 'init'; ruleIds: string[]; targetId: string; maxFileSize: number; repoFiles: string[] } | { type: 'file'; index: number; abs: string; rel: string; kind: FileKind }) => {
  if (m.type === 'init') {
    const wanted = new Set(m.ruleIds);
    rules = allRules().filter((r) => wanted.has(r.meta.id));
    targetId = m.targetId;
    maxFileSize = m.maxFileSize;
    repoFiles = new Set(m.repoFiles);
    return;
  }
  queue = queue
    .then(async () => {
      if (!warm.has(m.kind)) {
        await scanText('', m.kind, '', rules, targetId);
        warm.add(m.kind);
      }
      parentPort!.postMessage({ type: 'start', index: m.index });
      const outcome = await scanFile(m.abs, m.rel, m.kind, rules, targetId, maxFileSize, repoFiles);
      parentPort!.postMessage({ type: 'result', index: m.index, outcome });
    })
    .catch((e: unknown) => {
      // Never leave the main thread waiting: a failure (e.g. an outcome that cannot be posted) is this file's outcome.
      const message = `internal error while analysing this file: ${e instanceof Error ? e.message : String(e)}`;
      parentPort!.postMessage({ type: 'result', index: m.index, outcome: { skipped: message, findings: [], notes: [], directives: [] } });
    });
});
