/**
 * No regular expression of the adapters or the rules backtracks catastrophically: long words, long runs of spaces,
 * backslashes, quotes and letters, long paths and very long lines are put where each host syntax carries commands,
 * packages, paths, images and strings (test/support/redos-worker.ts); every adapter, then every rule on its own, must
 * get through each of them in bounded time. The probe runs in a worker thread that is terminated when a step takes
 * far too long, so even a catastrophic pattern fails this test instead of hanging the run.
 * REDOS_LEN=<n> sets the length of the long runs (default 1,500 characters, plenty for exponential backtracking; 20,000 finds quadratic patterns too).
 */
import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';

const N = Number(process.env.REDOS_LEN ?? 1500);
/** Per step, generous for a loaded 2-core machine. An adapter step includes the shell parser's own 2 s budget per unit. */
const ADAPTER_MS = 8000;
const RULE_MS = 1000;
/** A step that takes this long is taken to hang: the worker is stopped. */
const HANG_MS = 30_000;

interface Timing {
  what: string;
  ms: number;
}

function probe(): Promise<{ timings: Timing[]; hung?: string }> {
  const loader = new URL('./support/ts-loader.mjs', import.meta.url).href;
  const w = new Worker(new URL('./support/redos-worker.ts', import.meta.url), { execArgv: ['--import', loader], workerData: { n: N } });
  const timings: Timing[] = [];
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    w.on('message', (m: { type: 'step'; what: string } | { type: 'time'; what: string; ms: number } | { type: 'done' }) => {
      clearTimeout(timer);
      if (m.type === 'step') {
        timer = setTimeout(() => {
          void w.terminate();
          resolve({ timings, hung: m.what });
        }, HANG_MS);
      } else if (m.type === 'time') timings.push({ what: m.what, ms: m.ms });
      else {
        void w.terminate();
        resolve({ timings });
      }
    });
    w.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

describe('no catastrophic backtracking on long inputs', () => {
  it('every adapter and every rule gets through long runs in bounded time', async () => {
    const { timings, hung } = await probe();
    if (process.env.REDOS_DEBUG) console.log([...timings].sort((a, b) => b.ms - a.ms).slice(0, 25).map((t) => `${Math.round(t.ms)} ${t.what}`).join('\n'), `\ntotal adapters ${Math.round(timings.filter((t) => t.what.startsWith('adapter')).reduce((a, t) => a + t.ms, 0))} ms, rules ${Math.round(timings.filter((t) => t.what.startsWith('rule')).reduce((a, t) => a + t.ms, 0))} ms`);
    expect(hung, `stopped: no end after ${HANG_MS} ms`).toBeUndefined();
    const slow = timings.filter((t) => t.ms > (t.what.startsWith('adapter') ? ADAPTER_MS : RULE_MS)).map((t) => `${t.what}: ${Math.round(t.ms)} ms`);
    expect(slow).toEqual([]);
    expect(timings.some((t) => t.what.startsWith('rule '))).toBe(true);
  }, 240_000);
});
