/**
 * A scan worker: reads, decodes and analyses the files it is sent, with the shipped rules named by id.
 * Messages in: {type:'init', ruleIds, targetId, maxFileSize, status, base} then
 * {type:'files', items: [{index, abs, rel, kind}...]}... Messages out: {type:'ready'} once loaded, then
 * {type:'results', results: [{index, outcome}]} in batches. Before each file the worker writes [index, start time
 * in ms since `base`] into the shared `status` array, where the main thread's time budget reads it (and -1 when it
 * is between files).
 */
import { parentPort, receiveMessageOnPort } from 'node:worker_threads';
import type { FileKind } from './core/facts.js';
import type { Rule } from './core/rule.js';
import type { FileOutcome, WorkerFile } from './scan.js';
import { snapshotEnv } from './env.js';

snapshotEnv();

const { scanFile, scanText, skippedOutcome, internalErrorReason } = await import('./scan.js');
const { allRules } = await import('./rules/index.js');

/** Outcomes are posted when this many are ready, when the last queued file is done, or after FLUSH_MS. */
const BATCH = 16;
const FLUSH_MS = 50;

let rules: Rule[] = [];
let targetId = '';
let maxFileSize: number | undefined;
let status: Int32Array<ArrayBufferLike> = new Int32Array(2);
let base = 0;
/** Kinds whose adapter (and parser) is loaded: loading is not charged to the first file's time budget. */
const warm = new Set<FileKind>();
// Files are analysed one after the other, in the order sent.
let queue: Promise<void> = Promise.resolve();
let queued = 0;
let ready: { index: number; outcome: FileOutcome }[] = [];
let lastFlush = performance.now();

function flush(): void {
  if (ready.length === 0) return;
  const results = ready;
  ready = [];
  lastFlush = performance.now();
  try {
    parentPort!.postMessage({ type: 'results', results });
  } catch {
    // An outcome that cannot be posted: post the others, and that file as not analysed.
    for (const r of results) {
      try {
        parentPort!.postMessage({ type: 'results', results: [r] });
      } catch (e) {
        parentPort!.postMessage({ type: 'results', results: [{ index: r.index, outcome: skippedOutcome(internalErrorReason(e)) }] });
      }
    }
  }
}

function done(index: number, outcome: FileOutcome): void {
  queued--;
  ready.push({ index, outcome });
  if (queued === 0 || ready.length >= BATCH || performance.now() - lastFlush > FLUSH_MS) flush();
  // The queued files are analysed in one run of promise reactions, during which no 'message' event can fire: the
  // files the main thread sends in return for a batch of outcomes would wait until the queue is empty, and the
  // worker would then sit idle for a round trip after every batch (about 250 ms in a 3-second scan of the bench's
  // Ansible roles). So once few files are left, take the messages that arrived meanwhile.
  if (queued < BATCH) {
    for (let m = receiveMessageOnPort(parentPort!); m; m = receiveMessageOnPort(parentPort!)) onMessage(m.message as Message);
  }
}

function enqueue(m: WorkerFile): void {
  queued++;
  queue = queue
    .then(async () => {
      if (!warm.has(m.kind)) {
        await scanText('', m.kind, '', rules, targetId);
        warm.add(m.kind);
      }
      Atomics.store(status, 1, Date.now() - base);
      Atomics.store(status, 0, m.index);
      const outcome = await scanFile(m.abs, m.rel, m.kind, rules, targetId, maxFileSize);
      Atomics.store(status, 0, -1);
      done(m.index, outcome);
    })
    .catch((e: unknown) => {
      // Never leave the main thread waiting: a failure is this file's outcome.
      Atomics.store(status, 0, -1);
      done(m.index, skippedOutcome(internalErrorReason(e)));
    });
}

type Message = { type: 'init'; ruleIds: string[]; targetId: string; maxFileSize: number; status: SharedArrayBuffer; base: number } | { type: 'files'; items: WorkerFile[] };

function onMessage(m: Message): void {
  if (m.type === 'init') {
    const wanted = new Set(m.ruleIds);
    rules = allRules().filter((r) => wanted.has(r.meta.id));
    targetId = m.targetId;
    maxFileSize = m.maxFileSize;
    status = new Int32Array(m.status);
    base = m.base;
    parentPort!.postMessage({ type: 'ready' });
    return;
  }
  for (const item of m.items) enqueue(item);
}

parentPort!.on('message', onMessage);
