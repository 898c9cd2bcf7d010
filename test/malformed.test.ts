/**
 * Malformed input: every case is built in a temporary folder beside a healthy file, and scanned with the real scan()
 * and the CLI. Each gives a clear skip reason or note, the healthy file is still analysed, and the exit code is the
 * documented one (0 ok, 1 findings at/above --fail-on, 2 usage/config error, 3 internal error; a skipped file is not
 * an error).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, unlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan, readBounded, budgetReason, DEFAULT_MAX_FILE_SIZE, type ScanResult } from '../src/scan.js';
import { PARALLEL_THRESHOLD, SMALL_SCAN, workerCount } from '../src/scan.js';
import { run, EXIT } from '../src/cli/run.js';

const IS_ROOT = process.getuid?.() === 0;
const HEALTHY = 'ok.sh';
const HEALTHY_TEXT = '#!/bin/sh\napt-get install -y curl\n';

function tree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'azl-malformed-'));
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), c);
  }
  return dir;
}

const dirs: string[] = [];
const made = (files: Record<string, string | Buffer>) => {
  const d = tree({ [HEALTHY]: HEALTHY_TEXT, ...files });
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) {
    try {
      chmodSync(join(d, 'locked'), 0o755);
    } catch {}
    rmSync(d, { recursive: true, force: true });
  }
});

/** The healthy file was analysed: its apt-get finding is there. */
function healthy(r: ScanResult): void {
  expect(r.files.scanned.map((f) => f.file)).toContain(HEALTHY);
  expect(r.findings.some((f) => f.file === HEALTHY && f.ruleId === 'pkgmgr/apt')).toBe(true);
}

const skipReason = (r: ScanResult, file: string) => r.files.skipped.find((s) => s.file === file)?.reason;
const noInternalErrors = (r: ScanResult) => expect(r.notes.filter((n) => /internal error/.test(n.message))).toEqual([]);

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd });
  return { code, out, err };
}

describe('malformed files', () => {
  it('binary files, NUL bytes and invalid UTF-8 are skipped with the reason', async () => {
    const dir = made({
      'bin.sh': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]),
      'Dockerfile': Buffer.concat([Buffer.from('FROM ubuntu\n'), Buffer.from([0, 0, 0])]),
      'latin1.sh': Buffer.from('echo caf\xe9\n', 'latin1'),
      'truncated.sh': Buffer.from([0x65, 0x63, 0x68, 0x6f, 0x20, 0xe2, 0x82]),
      // A NUL byte past the sniffed head: the file is text with a NUL in it, and is analysed.
      'late-nul.sh': `${'# filler\n'.repeat(2000)}echo a\0b\napk add curl\n`,
    });
    const r = await scan({ root: dir });
    expect(skipReason(r, 'bin.sh')).toBe('binary file (contains NUL bytes)');
    expect(skipReason(r, 'Dockerfile')).toBe('binary file (contains NUL bytes)');
    expect(skipReason(r, 'latin1.sh')).toBe('not valid UTF-8');
    expect(skipReason(r, 'truncated.sh')).toBe('not valid UTF-8');
    expect(r.findings.some((f) => f.file === 'late-nul.sh' && f.ruleId === 'pkgmgr/apk')).toBe(true);
    healthy(r);
    noInternalErrors(r);
  });

  it('a 50 MB file is skipped by its size, without being read', async () => {
    const dir = made({});
    const big = join(dir, 'huge.sh');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024); // sparse: no 50 MB written
    closeSync(fd);
    expect(readBounded(big, DEFAULT_MAX_FILE_SIZE)).toBe(`larger than ${DEFAULT_MAX_FILE_SIZE} bytes`);
    const before = process.memoryUsage().rss;
    const r = await scan({ root: dir });
    expect(skipReason(r, 'huge.sh')).toBe(`larger than ${DEFAULT_MAX_FILE_SIZE} bytes`);
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
    healthy(r);
    // Named on the command line too.
    const named = await scan({ root: dir, paths: ['huge.sh', HEALTHY] });
    expect(skipReason(named, 'huge.sh')).toBe(`larger than ${DEFAULT_MAX_FILE_SIZE} bytes`);
    healthy(named);
  });

  it('a 10,000-line RUN is analysed (every line reported where it is), in bounded time', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `    pkg${i} \\`);
    const dir = made({ Dockerfile: `FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y \\\n${lines.join('\n')}\n    curl\n` });
    const t = performance.now();
    const r = await scan({ root: dir });
    expect(performance.now() - t).toBeLessThan(25_000);
    expect(r.files.scanned.map((f) => f.file)).toContain('Dockerfile');
    const apt = r.findings.filter((f) => f.file === 'Dockerfile' && f.ruleId === 'pkgmgr/apt');
    expect(apt.length).toBeGreaterThan(0);
    expect(apt[0]!.line).toBe(2);
    healthy(r);
    noInternalErrors(r);
  }, 40_000);

  const BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n') + '\n';
  const DEEP_FLOW = `x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
  const DEEP_BLOCK = Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}- `).join('\n') + 'x\n';

  it('alias bombs and deeply nested YAML, in every YAML kind, are noted and cost little', async () => {
    const files: Record<string, string> = {};
    const kinds = { 'roles/a/tasks/main.yml': '', 'cloud/user-data.yaml': '#cloud-config\n', 'compose.yml': '', '.github/workflows/ci.yml': '', 'azure-pipelines.yml': '' };
    for (const [p, head] of Object.entries(kinds)) {
      files[p] = head + BOMB;
      files[p.replace(/(\.ya?ml)$/, '.deep$1').replace('user-data.deep.yaml', 'deep/user-data.yaml').replace('azure-pipelines.deep.yml', 'azure-pipelines-deep.yml').replace('compose.deep.yml', 'compose-deep.yml')] = head + DEEP_FLOW;
      files[p.replace(/(\.ya?ml)$/, '.block$1').replace('user-data.block.yaml', 'block/user-data.yaml').replace('azure-pipelines.block.yml', 'azure-pipelines-block.yml').replace('compose.block.yml', 'compose-block.yml')] = head + DEEP_BLOCK;
    }
    files['azuredeploy.json'] = `{"$schema":"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#","x":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const dir = made(files);
    const t = performance.now();
    const r = await scan({ root: dir });
    expect(performance.now() - t).toBeLessThan(20_000);
    expect(r.files.scanned.length).toBe(Object.keys(files).length + 1);
    // Flow nesting thousands deep overflows the YAML composer: a parse note says so. Block nesting parses, and
    // azl-migrate reads only the first 64 levels (src/languages/ansible/yaml.ts MAX_DEPTH).
    for (const f of Object.keys(files).filter((f) => /deep|azuredeploy/.test(f))) {
      expect(r.notes.some((n) => n.file === f && n.kind === 'parse' && /YAML/.test(n.message)), `a parse note for ${f}`).toBe(true);
    }
    healthy(r);
    noInternalErrors(r);
  }, 40_000);

  it('thousands of nested substitutions or parentheses in code: a clear note, not an internal error', async () => {
    const dir = made({
      'deep.sh': `echo ${'$('.repeat(3000)}${')'.repeat(3000)}\n`,
      'deep.ts': `import cp from 'child_process';\nconst x = ${'('.repeat(4000)}1${')'.repeat(4000)};\n`,
      'deep.py': `x = ${'('.repeat(3000)}${')'.repeat(3000)}\n`,
      'deep.tf': `x = ${'['.repeat(3000)}${']'.repeat(3000)}\n`,
    });
    const r = await scan({ root: dir });
    for (const n of r.notes) expect(n.message, n.file).not.toMatch(/internal error/);
    expect(r.files.scanned.map((f) => f.file)).toEqual(expect.arrayContaining(['deep.sh', 'deep.ts', 'deep.py', 'deep.tf']));
    healthy(r);
  }, 30_000);

  it('inputs fuzzing found: a RUN the Dockerfile parser fails on, an unterminated string in TS/JS', async () => {
    const dir = made({
      // dockerfile-ast throws reading this RUN's heredocs (a continuation, then an escaped #).
      Dockerfile: 'FROM ubuntu:22.04\nRUN \\\n\\#c\n',
      // TypeScript accepts a string literal with no closing quote; its contents end at the line's end.
      'vm.js': "x({imageReference: {publisher: 'Canonical', offer: 'o', sku: '\n}})\n",
      'vm2.js': "x({imageReference: {publisher: 'Canonical', offer: 'o', sku: 'abc\n}})\n",
    });
    const r = await scan({ root: dir });
    noInternalErrors(r);
    expect(r.notes.find((n) => n.file === 'Dockerfile')?.message).toMatch(/Dockerfile parser failed on this RUN's heredocs/);
    expect(r.findings.filter((f) => f.file === 'Dockerfile').map((f) => f.ruleId)).toEqual(['image/base-image']);
    for (const file of ['vm.js', 'vm2.js']) {
      const f = r.findings.find((x) => x.file === file && x.ruleId === 'image/azure-vm');
      expect(f, file).toBeDefined();
      for (const s of [f!.span, ...(f!.fix?.edits ?? []).map((e) => e.span)]) expect(s.start, `${file} ${JSON.stringify(s)}`).toBeLessThanOrEqual(s.end);
    }
    const sku = r.findings.find((x) => x.file === 'vm2.js')!.fix!.edits.find((e) => e.text === '4')!;
    expect("x({imageReference: {publisher: 'Canonical', offer: 'o', sku: 'abc\n}})\n".slice(sku.span.start, sku.span.end)).toBe('abc');
    healthy(r);
  }, 30_000);

  it('CRLF line ends and byte-order marks: analysed, positions in the file as written', async () => {
    const dir = made({
      'crlf.sh': '#!/bin/sh\r\necho hi\r\napk add curl\r\n',
      'bom.sh': '\uFEFF#!/bin/sh\napk add curl\n',
      'both/Dockerfile': '\uFEFFFROM alpine:3.19\r\nRUN apk add \\\r\n    curl\r\n',
      'bom.yml': '\uFEFF- hosts: all\r\n  tasks:\r\n    - ansible.builtin.apt:\r\n        name: curl\r\n',
    });
    const r = await scan({ root: dir });
    const at = (file: string, rule: string) => r.findings.find((f) => f.file === file && f.ruleId === rule);
    expect(at('crlf.sh', 'pkgmgr/apk')).toMatchObject({ line: 3, column: 1 });
    expect(at('bom.sh', 'pkgmgr/apk')).toMatchObject({ line: 2, column: 1 });
    expect(at('both/Dockerfile', 'pkgmgr/apk')).toMatchObject({ line: 2, column: 5 });
    expect(r.files.scanned.map((f) => f.file)).toContain('bom.yml');
    healthy(r);
    noInternalErrors(r);
  });
});

describe('malformed trees', () => {
  it('symbolic link loops and links out of the tree are listed, never followed', async () => {
    const dir = made({ 'sub/a.sh': 'echo a\n' });
    symlinkSync('..', join(dir, 'sub', 'up'));
    symlinkSync('loop.sh', join(dir, 'loop.sh')); // a link to itself
    symlinkSync('b.sh', join(dir, 'a-to-b.sh'));
    symlinkSync('a-to-b.sh', join(dir, 'b.sh')); // a cycle of two
    symlinkSync('/etc/passwd', join(dir, 'escape.sh'));
    const r = await scan({ root: dir });
    for (const f of ['loop.sh', 'a-to-b.sh', 'b.sh', 'escape.sh']) expect(skipReason(r, f)).toBe('symbolic link (not followed)');
    expect(r.files.scanned.map((f) => f.file).sort()).toEqual([HEALTHY, 'sub/a.sh']);
    // Named on the command line.
    const named = await scan({ root: dir, paths: ['loop.sh', 'sub/up', HEALTHY] });
    expect(skipReason(named, 'loop.sh')).toBe('symbolic link (not followed)');
    expect(skipReason(named, 'sub/up')).toBe('symbolic link (not followed)');
    healthy(named);
  });

  it('a FIFO is listed as not a regular file and never opened (opening it would wait for a writer)', async () => {
    const dir = made({});
    try {
      execFileSync('mkfifo', [join(dir, 'pipe.sh')]);
    } catch {
      return void console.warn('mkfifo is not available: FIFO case not run');
    }
    const r = await scan({ root: dir });
    expect(skipReason(r, 'pipe.sh')).toMatch(/not a regular file/);
    healthy(r);
    const named = await scan({ root: dir, paths: ['pipe.sh', HEALTHY] });
    expect(skipReason(named, 'pipe.sh')).toMatch(/not a regular file/);
    // A file that became a FIFO after discovery is not waited on either.
    expect(readBounded(join(dir, 'pipe.sh'), 1000)).toMatch(/not a regular file/);
  });

  it.skipIf(IS_ROOT)('unreadable files and directories (chmod 000) are skipped with the reason', async () => {
    const dir = made({ 'secret.sh': 'echo x\n', 'locked/inner.sh': 'echo y\n' });
    chmodSync(join(dir, 'secret.sh'), 0);
    chmodSync(join(dir, 'locked'), 0);
    const r = await scan({ root: dir });
    expect(skipReason(r, 'secret.sh')).toBe('cannot read: EACCES');
    expect(skipReason(r, 'locked')).toMatch(/^cannot read directory: EACCES/);
    healthy(r);
  });
  if (IS_ROOT) it('(running as root: chmod 000 does not deny root, so unreadable files are tested by a file that becomes a directory)', () => {});

  it('a file that is deleted, or becomes a directory, after discovery is skipped with the reason', async () => {
    // ok.sh is scanned first; when it is done, the later files change under the scan.
    const dir = made({ 'x-gone.sh': 'echo gone\n', 'y-dir.sh': 'echo dir\n', 'z-last.sh': 'apk add curl\n' });
    const r = await scan({
      root: dir,
      onProgress: (_d, _t, file) => {
        if (file !== HEALTHY) return;
        unlinkSync(join(dir, 'x-gone.sh'));
        unlinkSync(join(dir, 'y-dir.sh'));
        mkdirSync(join(dir, 'y-dir.sh'));
      },
    });
    expect(skipReason(r, 'x-gone.sh')).toBe('cannot read: ENOENT');
    expect(skipReason(r, 'y-dir.sh')).toMatch(/EISDIR/);
    expect(r.findings.some((f) => f.file === 'z-last.sh' && f.ruleId === 'pkgmgr/apk')).toBe(true);
    healthy(r);
  });
});

describe('exit codes with malformed input', () => {
  let dir: string;
  beforeAll(() => {
    dir = made({ 'bin.sh': Buffer.from([0, 1, 2]), 'latin1.sh': Buffer.from('echo caf\xe9\n', 'latin1'), 'deep.yml': `- hosts: all\n  x: ${'['.repeat(3000)}\n` });
    symlinkSync('loop.sh', join(dir, 'loop.sh'));
  });

  it('skipped files are listed in the report and are not an error: 1 for the finding, 0 with --fail-on none', async () => {
    const failing = await cli(['scan', '.', '--no-config'], dir);
    expect(failing.code).toBe(EXIT.FINDINGS);
    expect(failing.out).toContain('bin.sh: binary file (contains NUL bytes)');
    expect(failing.out).toContain('latin1.sh: not valid UTF-8');
    expect(failing.out).toContain('loop.sh: symbolic link (not followed)');
    expect(failing.err).toBe('');
    expect((await cli(['scan', '.', '--no-config', '--fail-on', 'none'], dir)).code).toBe(EXIT.OK);
    const json = await cli(['scan', '.', '--no-config', '--fail-on', 'none', '--format', 'json'], dir);
    expect(json.code).toBe(EXIT.OK);
    const result = JSON.parse(json.out) as ScanResult;
    expect(result.files.skipped.map((s) => s.file).sort()).toEqual(['bin.sh', 'latin1.sh', 'loop.sh']);
  });

  it('a scan where every file is skipped exits 0', async () => {
    const only = made({});
    unlinkSync(join(only, HEALTHY));
    writeFileSync(join(only, 'bin.sh'), Buffer.from([0, 0]));
    expect((await cli(['scan', '.', '--no-config'], only)).code).toBe(EXIT.OK);
  });

  it('usage errors exit 2', async () => {
    expect((await cli(['scan', 'no-such-path', '--no-config'], dir)).code).toBe(EXIT.USAGE);
    expect((await cli(['scan', '.', '--no-config', '--max-file-size', '-5'], dir)).code).toBe(EXIT.USAGE);
    expect((await cli(['scan', '.', '--no-config', '--jobs', '0'], dir)).code).toBe(EXIT.USAGE);
    expect((await cli(['scan', '.', '--no-config', '--jobs', 'two'], dir)).code).toBe(EXIT.USAGE);
  });
});

describe('per-file time budget', () => {
  // Scan workers from the TypeScript sources: Node imports them through a loader that strips types.
  const loader = new URL('./support/ts-loader.mjs', import.meta.url).href;
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.AZL_MIGRATE_TS_LOADER;
    process.env.AZL_MIGRATE_TS_LOADER = loader;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.AZL_MIGRATE_TS_LOADER;
    else process.env.AZL_MIGRATE_TS_LOADER = saved;
  });

  it('a file that takes longer than the budget is skipped with the reason; the files queued after it are analysed', async () => {
    // ~1.5 MB of distro-switching shell: seconds of analysis, far over a 300 ms budget.
    const slow = Array.from({ length: 15_000 }, (_, i) => `if [ -f /etc/debian_version ]; then apt-get install -y pkg${i} && echo "$(cat /etc/os-release)"; fi`).join('\n');
    // At least SMALL_SCAN files, so that the scan uses workers (smaller scans stay in-process).
    const filler = Object.fromEntries(Array.from({ length: SMALL_SCAN }, (_, i) => [`p-more-${i}.sh`, 'echo ok\n']));
    const dir = made({ 'm-slow.sh': slow, 'n-after.sh': 'apk add curl\n', 'o-after.sh': 'yum install -y curl\n', ...filler });
    const t = performance.now();
    const r = await scan({ root: dir, maxFileSize: 10 * 1024 * 1024, fileTimeBudgetMs: 300 });
    expect(performance.now() - t).toBeLessThan(20_000);
    expect(skipReason(r, 'm-slow.sh')).toBe(budgetReason(300));
    expect(r.files.scanned.map((f) => f.file).sort()).toEqual(['n-after.sh', 'o-after.sh', ...Object.keys(filler), HEALTHY].sort());
    expect(r.findings.some((f) => f.file === 'n-after.sh' && f.ruleId === 'pkgmgr/apk')).toBe(true);
    expect(r.findings.some((f) => f.file === 'o-after.sh')).toBe(true);
    healthy(r);
  }, 40_000);

  it('workers give the same results as the in-process scan', async () => {
    const filler = Object.fromEntries(Array.from({ length: SMALL_SCAN }, (_, i) => [`more-${i}.sh`, `apt-get install -y pkg${i}\n`]));
    const dir = made({ 'Dockerfile': 'FROM ubuntu:22.04\nRUN apt-get install -y curl\n', 'bin.sh': Buffer.from([0]), 'x.yml': '- hosts: all\n  tasks:\n    - apt: name=curl\n', ...filler });
    const viaWorkers = await scan({ root: dir });
    delete process.env.AZL_MIGRATE_TS_LOADER;
    const inProcess = await scan({ root: dir });
    process.env.AZL_MIGRATE_TS_LOADER = loader;
    expect(viaWorkers.findings).toEqual(inProcess.findings);
    expect(viaWorkers.files).toEqual(inProcess.files);
    expect(viaWorkers.notes).toEqual(inProcess.notes);
  }, 40_000);

  it('several workers (--jobs) give the same results as one thread, in the same order', async () => {
    // More than 2 * PARALLEL_THRESHOLD files, so that --jobs 3 starts three workers.
    const files = Object.fromEntries(Array.from({ length: 2 * PARALLEL_THRESHOLD + 50 }, (_, i) => [`d${i % 7}/s-${i}.sh`, i % 3 ? `apt-get install -y pkg${i}\n` : `yum install -y p${i}\nnot valid ((\n`]));
    const dir = made({ ...files, 'Dockerfile': 'FROM ubuntu:22.04\nRUN apt-get install -y curl\n' });
    expect(workerCount(Object.keys(files).length, 3)).toBe(3);
    const viaWorkers = await scan({ root: dir, jobs: 3 });
    delete process.env.AZL_MIGRATE_TS_LOADER;
    const inProcess = await scan({ root: dir });
    process.env.AZL_MIGRATE_TS_LOADER = loader;
    expect(viaWorkers.findings.length).toBeGreaterThan(2 * PARALLEL_THRESHOLD);
    expect(viaWorkers.findings).toEqual(inProcess.findings);
    expect(viaWorkers.files).toEqual(inProcess.files);
    expect(viaWorkers.notes).toEqual(inProcess.notes);
  }, 60_000);

  it('files analysed while discovery goes on come back in the order of the paths, filtered by include/exclude', async () => {
    // The walk finds a/... before a-b.sh (folder a sorts before a-b.sh), the report lists a-b.sh first. A folder
    // per file: the walk takes long enough to pause (every 5 ms) and hand over files found so far several times.
    const files = Object.fromEntries(Array.from({ length: PARALLEL_THRESHOLD + 100 }, (_, i) => [`a/d${i}/s.sh`, `apt-get install -y pkg${i}\n`]));
    const dir = made({ ...files, 'a-b.sh': 'yum install -y curl\n', 'skip/x.sh': 'apk add curl\n', 'z.sh': 'apk add curl\n' });
    const opts = { root: dir, jobs: 2, exclude: ['skip/'], include: ['*.sh'] };
    const progress: number[] = [];
    let lastFinding: boolean | undefined;
    const viaWorkers = await scan({ ...opts, onProgress: (done, _total, _file, finding) => (progress.push(done), (lastFinding = finding)) });
    delete process.env.AZL_MIGRATE_TS_LOADER;
    const inProcess = await scan(opts);
    process.env.AZL_MIGRATE_TS_LOADER = loader;
    const scanned = viaWorkers.files.scanned.map((f) => f.file);
    expect(scanned[0]).toBe('a-b.sh');
    expect(scanned).toEqual([...scanned].sort());
    expect(scanned).not.toContain('skip/x.sh');
    expect(viaWorkers.findings).toEqual(inProcess.findings);
    expect(viaWorkers.files).toEqual(inProcess.files);
    expect(progress).toEqual(Array.from({ length: scanned.length }, (_, i) => i + 1));
    expect(lastFinding).toBe(false);
  }, 60_000);
});
