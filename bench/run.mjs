#!/usr/bin/env node
// `npm run bench`: throughput, peak memory and cold start of azl-migrate on generated mixed repositories, and
// side by side on the same inputs: ShellCheck (shell scripts), ansible-lint (Ansible roles), dockerfile-utils
// lint (Dockerfiles), and ripgrep searching the tree for package-manager keywords (the floor: reading the
// files at all). Writes bench/RESULTS.md. Installs ShellCheck, ansible-lint and ripgrep with apt-get when
// they are missing and this runs as root.
//
//   node bench/run.mjs [--sizes 1000,5000,20000] [--peer-sample 300] [--out bench/RESULTS.md]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : def;
};
const SIZES = arg('--sizes', '1000,5000,20000').split(',').map(Number);
const PEER_SAMPLE = Number(arg('--peer-sample', '300'));
const OUT = arg('--out', join(ROOT, 'bench/RESULTS.md'));
const CLI = join(ROOT, 'dist/src/cli/main.js');

const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
function ensureTools() {
  const missing = [['shellcheck', 'shellcheck'], ['ansible-lint', 'ansible-lint'], ['rg', 'ripgrep']].filter(([c]) => !have(c));
  if (missing.length && process.getuid?.() === 0 && have('apt-get')) {
    console.error(`installing ${missing.map((m) => m[1]).join(' ')} with apt-get...`);
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-qq', ...missing.map((m) => m[1])], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  if (!existsSync(CLI)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

/** Run a command under GNU time: wall seconds and peak RSS in MB of the whole process tree's largest member. */
function timed(cmd, args, opts = {}) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [sec, kb] = last.split(' ').map(Number);
  return { seconds: sec, rssMb: kb / 1024, status: r.status, stderr: r.stderr };
}

function bytesOf(root, files) {
  return files.reduce((n, f) => n + statSync(join(root, f)).size, 0);
}

const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function scanFiles(root, files) {
  // Paths are passed relative to the root, the way a CI job passes changed files.
  return timed(process.execPath, [CLI, 'scan', '--root', root, '--format', 'json', '-o', '/dev/null', '--fail-on', 'none', ...files], { cwd: root });
}

function main() {
  ensureTools();
  const rows = [];
  const gen = {};
  for (const n of SIZES) {
    const dir = join(ROOT, 'bench/out', `repo-${n}`);
    const files = generate(n, dir);
    gen[n] = { dir, files };
    const bytes = bytesOf(dir, files);
    const r = timed(process.execPath, [CLI, 'scan', '.', '--format', 'json', '-o', '/dev/null', '--fail-on', 'none'], { cwd: dir });
    rows.push({ n, seconds: r.seconds, rssMb: r.rssMb, filesPerSec: n / r.seconds, mbPerSec: bytes / 1e6 / r.seconds, bytes });
    console.error(`azl-migrate ${n} files: ${r.seconds}s, ${fmt(r.rssMb)} MB`);
  }

  // Peers, on the same inputs, sampled from the largest repository.
  const big = gen[Math.max(...SIZES)];
  const by = (re) => big.files.filter((f) => re.test(f));
  const shells = by(/\.sh$/).slice(0, PEER_SAMPLE * 4);
  const dockerfiles = by(/\/Dockerfile\./).slice(0, PEER_SAMPLE);
  const roleDirs = [...new Set(by(/\/ansible\/roles\/[^/]+\/tasks\/main\.yml$/).map((f) => f.replace(/\/tasks\/main\.yml$/, '')))].slice(0, Math.max(10, Math.floor(PEER_SAMPLE / 10)));
  const roleFiles = big.files.filter((f) => roleDirs.some((d) => f.startsWith(`${d}/`)));
  const peers = [];
  const compare = (name, files, peerRun) => {
    const ours = scanFiles(big.dir, files);
    const theirs = peerRun();
    peers.push({ name, files: files.length, ours: ours.seconds, oursRss: ours.rssMb, theirs: theirs.seconds, theirsRss: theirs.rssMb, ok: theirs.status !== null });
    console.error(`${name}: ${files.length} files, azl-migrate ${ours.seconds}s, peer ${theirs.seconds}s`);
  };
  if (have('shellcheck')) compare('ShellCheck', shells, () => timed('sh', ['-c', 'xargs -P 2 -n 50 shellcheck -f json1 -S info > /dev/null; true'], { cwd: big.dir, input: shells.join('\n') }));
  if (have('ansible-lint')) compare('ansible-lint', roleFiles, () => timed('sh', ['-c', `ansible-lint --offline -q -p ${roleDirs.join(' ')} > /dev/null 2>&1; true`], { cwd: big.dir }));
  const du = join(ROOT, 'node_modules/.bin/dockerfile-utils');
  if (existsSync(du)) compare('dockerfile-utils lint', dockerfiles, () => timed('sh', ['-c', `xargs -P 2 -n 1 ${du} lint > /dev/null 2>&1; true`], { cwd: big.dir, input: dockerfiles.join('\n') }));
  let floor;
  if (have('rg')) {
    floor = timed('rg', ['-c', '-e', 'apt-get|apk add|yum |dnf |tdnf |zypper ', '.'], { cwd: big.dir, stdio: ['ignore', 'ignore', 'pipe'] });
    console.error(`ripgrep: ${floor.seconds}s`);
  }

  // Cold start on one file: median of 9 runs.
  const one = join(big.dir, shells[0]);
  const cold = Array.from({ length: 9 }, () => timed(process.execPath, [CLI, 'scan', one, '--fail-on', 'none'], { cwd: dirname(one) }).seconds).sort((a, b) => a - b)[4];

  const cpu = cpus()[0]?.model ?? 'unknown';
  const largest = rows[rows.length - 1];
  const lines = [];
  lines.push('# Benchmarks', '');
  lines.push(`Machine: ${cpus().length} cores (${cpu}), ${fmt(totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}. Date: ${new Date().toISOString().slice(0, 10)}.`);
  lines.push(`Command: \`npm run bench\` (= \`node bench/run.mjs --sizes ${SIZES.join(',')} --peer-sample ${PEER_SAMPLE}\`). Repositories are generated deterministically by \`bench/generate.mjs\` (Dockerfiles, shell scripts, Ansible roles, systemd units, cloud-init, Terraform, Python).`, '');
  lines.push('## azl-migrate on the whole repository', '', '| files | size | wall | files/s | MB/s | peak RSS |', '|---|---|---|---|---|---|');
  for (const r of rows) lines.push(`| ${fmt(r.n)} | ${fmt(r.bytes / 1e6, 1)} MB | ${r.seconds.toFixed(2)} s | ${fmt(r.filesPerSec)} | ${r.mbPerSec.toFixed(2)} | ${fmt(r.rssMb)} MB |`);
  lines.push('', `Linearity: files/s at ${rows.map((r) => fmt(r.n)).join(' / ')} files = ${rows.map((r) => fmt(r.filesPerSec)).join(' / ')}.`, '');
  lines.push('## Side by side on the same inputs (sampled from the largest repository)', '', '| tool | inputs | peer wall | azl-migrate wall | peer files/s | azl-migrate files/s | ratio |', '|---|---|---|---|---|---|---|');
  for (const p of peers) lines.push(`| ${p.name} | ${fmt(p.files)} files | ${p.theirs.toFixed(2)} s | ${p.ours.toFixed(2)} s | ${fmt(p.files / p.theirs, 1)} | ${fmt(p.files / p.ours, 1)} | ${(p.theirs / p.ours).toFixed(1)}x |`);
  if (floor) lines.push('', `Floor: ripgrep reads the whole ${fmt(largest.n)}-file repository for the package-manager keywords in ${floor.seconds.toFixed(2)} s (${fmt(largest.n / floor.seconds)} files/s); azl-migrate parses and analyses it in ${largest.seconds.toFixed(2)} s.`);
  lines.push('', `Cold start, one shell script: ${(cold * 1000).toFixed(0)} ms wall (median of 9).`, '');
  const goals = [
    ['at least 1,000 files/s on the mixed repository', largest.filesPerSec >= 1000, `${fmt(largest.filesPerSec)} files/s`],
    ['at least 10x ShellCheck', (peers.find((p) => p.name === 'ShellCheck')?.theirs ?? 0) / (peers.find((p) => p.name === 'ShellCheck')?.ours ?? 1) >= 10, ''],
    ['at least 50x ansible-lint', (peers.find((p) => p.name === 'ansible-lint')?.theirs ?? 0) / (peers.find((p) => p.name === 'ansible-lint')?.ours ?? 1) >= 50, ''],
    ['peak RSS under 500 MB for 20,000 files', (rows.find((r) => r.n === 20000)?.rssMb ?? Infinity) < 500, `${fmt(rows.find((r) => r.n === 20000)?.rssMb ?? NaN)} MB`],
    ['one-file scan under 400 ms from a cold start', cold < 0.4, `${(cold * 1000).toFixed(0)} ms`],
  ];
  lines.push('## Goals', '', '| goal | met | measured |', '|---|---|---|');
  for (const [g, ok, m] of goals) lines.push(`| ${g} | ${ok ? 'yes' : '**no**'} | ${m} |`);
  lines.push('');
  const existing = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  const keep = existing.includes('\n## TS/JS') ? existing.slice(existing.indexOf('\n## TS/JS')) : '';
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, lines.join('\n') + keep);
  console.error(`written ${OUT}`);
}

main();
