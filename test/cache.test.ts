import { describe, expect, it, afterAll } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync, existsSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from '../src/scan.js';
import { run } from '../src/cli/run.js';

const ROOT = join(import.meta.dirname, '..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function corpusCopy(): string {
  const d = mkdtempSync(join(tmpdir(), 'azl-cache-'));
  dirs.push(d);
  cpSync(join(ROOT, 'corpus/ubuntu-webapp'), d, { recursive: true });
  return d;
}
const keyOf = (r: Awaited<ReturnType<typeof scan>>) => r.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.fingerprint}`);

describe('content-hash cache', () => {
  it('reuses the outcomes of unchanged files, re-analyses changed ones, and gives the same results', async () => {
    const d = corpusCopy();
    const cacheFile = join(d, '.azl-migrate-cache');
    const first = await scan({ root: d, cacheFile });
    expect(first.cache).toMatchObject({ reused: 0 });
    expect(first.cache!.analysed).toBe(first.files.scanned.length);
    const second = await scan({ root: d, cacheFile });
    expect(second.cache).toMatchObject({ reused: first.files.scanned.length, analysed: 0 });
    expect(keyOf(second)).toEqual(keyOf(first));
    expect(second.notes).toEqual(first.notes);

    appendFileSync(join(d, 'scripts/deploy.sh'), 'apk add curl\n');
    const third = await scan({ root: d, cacheFile });
    expect(third.cache).toMatchObject({ analysed: 1 });
    expect(third.findings.some((f) => f.file === 'scripts/deploy.sh' && f.ruleId === 'pkgmgr/apk')).toBe(true);
    expect(third.files.scanned.map((f) => f.file)).not.toContain('.azl-migrate-cache');
  });

  it('is invalidated by another target, kept for the other files when one is added, and ignored when corrupt', async () => {
    const d = corpusCopy();
    const cacheFile = join(d, '.azl-migrate-cache');
    const first = await scan({ root: d, cacheFile });
    const other = await scan({ root: d, cacheFile, target: 'azurelinux-4.0-container' });
    expect(other.cache!.reused).toBe(0);
    const back = await scan({ root: d, cacheFile });
    expect(back.cache!.reused).toBe(0);
    // What one file means for another is settled after analysis, so a new file does not invalidate the others.
    writeFileSync(join(d, 'scripts/new.sh'), 'yum install -y x\n');
    const more = await scan({ root: d, cacheFile });
    expect(more.cache).toMatchObject({ reused: first.files.scanned.length, analysed: 1 });
    writeFileSync(cacheFile, '{ not json');
    const corrupt = await scan({ root: d, cacheFile });
    expect(corrupt.cache!.reused).toBe(0);
    expect(corrupt.files.scanned.length).toBe(first.files.scanned.length + 1);
  });

  it('scan --cache writes .azl-migrate-cache in the scan root', async () => {
    const d = corpusCopy();
    let out = '';
    let err = '';
    const code = await run(['scan', '.', '--cache', '--format', 'json', '--fail-on', 'none'], { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: d });
    expect(code).toBe(0);
    expect(existsSync(join(d, '.azl-migrate-cache'))).toBe(true);
    const n = JSON.parse(out).files.scanned.length;
    expect(JSON.parse(out).findings.length).toBeGreaterThan(50);
    expect(err).toContain(`azl-migrate: cache .azl-migrate-cache: 0 files reused, ${n} analysed`);
    err = '';
    await run(['scan', '.', '--cache', '--format', 'json', '--fail-on', 'none'], { stdout: () => undefined, stderr: (s) => (err += s), cwd: d });
    expect(err).toContain(`azl-migrate: cache .azl-migrate-cache: ${n} files reused, 0 analysed`);
  });
});
