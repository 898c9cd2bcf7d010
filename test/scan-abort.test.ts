import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Discovery that finds 400 files, pausing as the real walk does, and then fails.
vi.mock('../src/discovery.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../src/discovery.js')>();
  return {
    ...orig,
    discover: async (root: string, _paths: string[], opts: import('../src/discovery.js').DiscoveryOptions) => {
      for (let i = 0; i < 400; i++) {
        opts.onFile?.({ abs: join(root, `s${i}.sh`), rel: `s${i}.sh`, kind: 'shell', size: -1 });
        if (i % 50 === 49) {
          await new Promise((r) => setImmediate(r));
          opts.onPause?.();
        }
      }
      await new Promise((r) => setTimeout(r, 200));
      throw new Error('discovery failed');
    },
  };
});

const { scan } = await import('../src/scan.js');

const dir = mkdtempSync(join(tmpdir(), 'azl-abort-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('discovery failing while files are analysed', () => {
  it('the scan fails with its error, and workers stop after the files they were given', async () => {
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 400; i++) writeFileSync(join(dir, `s${i}.sh`), `apt-get install -y p${i}\n`);
    const saved = process.env.AZL_MIGRATE_TS_LOADER;
    process.env.AZL_MIGRATE_TS_LOADER = new URL('./support/ts-loader.mjs', import.meta.url).href;
    let analysed = 0;
    try {
      await expect(scan({ root: dir, jobs: 2, onProgress: () => analysed++ })).rejects.toThrow('discovery failed');
    } finally {
      if (saved === undefined) delete process.env.AZL_MIGRATE_TS_LOADER;
      else process.env.AZL_MIGRATE_TS_LOADER = saved;
    }
    // At most what two workers had queued (QUEUE_DEPTH each), not the 400 found.
    expect(analysed).toBeLessThanOrEqual(64);
  }, 40_000);
});
