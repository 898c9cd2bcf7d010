/**
 * A scan worker: reads, decodes and analyses the files it is sent, with the shipped rules named by id.
 * Messages in: {type:'init', ruleIds, targetId} then {type:'file', index, abs, rel, kind}...
 * Messages out: {type:'result', index, ...FileOutcome}.
 */
import { parentPort } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import type { FileKind } from './core/facts.js';
import type { Rule } from './core/rule.js';

setFlagsFromString('--liftoff-only');

const { scanFile } = await import('./scan.js');
const { allRules } = await import('./rules/index.js');

let rules: Rule[] = [];
let targetId = '';
let maxFileSize: number | undefined;
parentPort!.on('message', async (m: { type: 'init'; ruleIds: string[]; targetId: string; maxFileSize: number } | { type: 'file'; index: number; abs: string; rel: string; kind: FileKind }) => {
  if (m.type === 'init') {
    const wanted = new Set(m.ruleIds);
    rules = allRules().filter((r) => wanted.has(r.meta.id));
    targetId = m.targetId;
    maxFileSize = m.maxFileSize;
    return;
  }
  const outcome = await scanFile(m.abs, m.rel, m.kind, rules, targetId, maxFileSize);
  parentPort!.postMessage({ type: 'result', index: m.index, outcome });
});
