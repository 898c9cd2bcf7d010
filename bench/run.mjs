#!/usr/bin/env node
// `npm run bench`: throughput, CPU time, peak memory and cold start of azl-migrate on generated mixed repositories,
// and side by side on the same inputs: ShellCheck (the shell scripts), ansible-lint (the Ansible roles),
// dockerfile-utils lint (the Dockerfiles), and ripgrep searching the tree for package-manager keywords (the floor:
// reading the files at all). Writes bench/RESULTS.md. Installs ShellCheck, ansible-lint and ripgrep with apt-get
// when they are missing and this runs as root.
//
//   node bench/run.mjs [--sizes 1000,5000,20000] [--peer-sample all|N] [--out bench/RESULTS.md]
//
// --peer-sample N: N shell scripts, N Dockerfiles and max(10, N/10) roles from the largest repository instead of
// all of them (quick runs).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : def;
};
const SIZES = arg('--sizes', '1000,5000,20000').split(',').map(Number);
const PEER_SAMPLE = arg('--peer-sample', 'all');
const PEER_N = PEER_SAMPLE === 'all' ? Infinity : Number(PEER_SAMPLE);
if (!(PEER_N > 0)) throw new Error(`--peer-sample: expected "all" or a positive number, got ${PEER_SAMPLE}`);
const OUT = arg('--out', join(ROOT, 'bench/RESULTS.md'));
const CLI = join(ROOT, 'dist/bin/azl-migrate.js');
/** azl-migrate on the whole repository: median of this many runs (a shared VM: wall times vary by about ±30 %). */
const RUNS = 3;
/** Files per ShellCheck process. */
const SC_BATCH = 50;
/** Bytes of role-directory arguments per ansible-lint process (ARG_MAX is about 2 MB; the environment counts too). */
const ARGS_LIMIT = 512 * 1024;

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

/**
 * Run a command under GNU time: wall seconds, peak RSS in MB of the process tree's largest member, CPU seconds
 * (user+sys of the whole tree), exit status, and the command's own stderr (without GNU time's line).
 */
function timed(cmd, args, opts = {}) {
  const before = stealTicks();
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  const after = stealTicks();
  if (r.error) throw r.error;
  const lines = (r.stderr ?? '').trimEnd().split('\n');
  const [sec, kb, user, sys] = (lines.pop() ?? '').split(' ').map(Number);
  // GNU time's own "Command exited with non-zero status N" line: the status is in r.status.
  if (/^Command exited with non-zero status \d+$/.test(lines[lines.length - 1] ?? '')) lines.pop();
  const steal = before !== undefined && after !== undefined ? (after - before) / CLK_TCK : undefined;
  return { seconds: sec, rssMb: kb / 1024, cpu: user + sys, steal, status: r.status, stderr: lines.join('\n') };
}

/** Clock ticks per second of /proc/stat (USER_HZ). */
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/**
 * The machine's steal time so far, in clock ticks, all CPUs summed: time the hypervisor gave to other guests while
 * this VM's vCPUs had work (the 8th value of /proc/stat's `cpu` line). undefined where there is no /proc/stat.
 */
function stealTicks() {
  try {
    const v = Number(readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/)[8]);
    return Number.isFinite(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

const stripAnsi = (s) => s.replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g, '').replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '');
/** The last n non-empty lines of a command's stderr, colour codes removed. */
const tail = (s, n = 5) => stripAnsi(s).split('\n').map((l) => l.trimEnd()).filter(Boolean).slice(-n);

function bytesOf(root, files) {
  return files.reduce((n, f) => n + statSync(join(root, f)).size, 0);
}

const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Steal times of runs, in seconds ("n/a" without /proc/stat). */
const steals = (xs) => (xs.every((x) => x !== undefined) ? `${xs.map((x) => x.toFixed(2)).join(' / ')} s` : 'n/a');
const STEAL_NOTE =
  'Steal is the time the hypervisor ran other guests while this VM\'s vCPUs had work (the steal value of /proc/stat, both vCPUs summed, read before and after each run): a run with seconds of steal was slowed by the host, not by its own work.';
/** azl-migrate runs per side-by-side comparison (its median is compared with the peer's one run), and how many of them run before the peer. */
const PEER_RUNS = 5;
const PEER_RUNS_BEFORE = 2;

/**
 * Copy `files` (relative to `from`) into a fresh temporary directory outside any git work tree, keeping their
 * relative paths: `in` holds the copy (where the tools run), `out` their reports.
 */
function copyInputs(from, files) {
  const tmp = mkdtempSync(join(tmpdir(), 'azl-bench-'));
  const inDir = join(tmp, 'in');
  const outDir = join(tmp, 'out');
  mkdirSync(outDir, { recursive: true });
  const made = new Set();
  for (const f of files) {
    const to = join(inDir, f);
    if (!made.has(dirname(to))) {
      mkdirSync(dirname(to), { recursive: true });
      made.add(dirname(to));
    }
    copyFileSync(join(from, f), to);
  }
  // ansible-lint finds files with `git ls-files`: inside a work tree (e.g. TMPDIR under a checkout) it lints almost nothing.
  if (spawnSync('git', ['-C', inDir, 'rev-parse', '--is-inside-work-tree'], { encoding: 'utf8' }).stdout?.trim() === 'true') {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`${inDir} is inside a git work tree: set TMPDIR to a directory outside any`);
  }
  return { tmp, inDir, outDir };
}

/** azl-migrate on the copy: the directory holds exactly the inputs, so `scan .` scans the same files as naming them. */
function scanCopy(t, expected) {
  const report = join(t.outDir, 'azl-migrate.json');
  const r = timed(process.execPath, [CLI, 'scan', '.', '--format', 'json', '-o', report, '--fail-on', 'none'], { cwd: t.inDir });
  const scanned = r.status === 0 && existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')).summary?.filesScanned : undefined;
  const problem = r.status !== 0 ? `azl-migrate exited with status ${r.status}: ${tail(r.stderr).join(' / ')}` : scanned !== expected ? `azl-migrate scanned ${scanned} of ${expected} files` : undefined;
  return { ...r, check: `azl-migrate scanned ${fmt(scanned ?? 0)}`, problem };
}

/** ShellCheck, 2 processes of SC_BATCH files via xargs; each process writes its json1 report to its own file. */
function shellcheck(t, files) {
  const script = `xargs -d '\\n' -P 2 -n ${SC_BATCH} sh -c 'shellcheck -f json1 -S info "$@" > "$(mktemp "$0/sc.XXXXXX")"; s=$?; [ "$s" -le 1 ] || echo "shellcheck exited with status $s" >&2' "$1"`;
  const r = timed('sh', ['-c', script, 'sh', t.outDir], { cwd: t.inDir, input: files.join('\n') });
  const expected = Math.ceil(files.length / SC_BATCH);
  const reports = readdirSync(t.outDir).filter((f) => f.startsWith('sc.'));
  const flagged = new Set();
  let findings = 0;
  let unreadable = 0;
  for (const f of reports) {
    try {
      const j = JSON.parse(readFileSync(join(t.outDir, f), 'utf8'));
      for (const c of j.comments) flagged.add(c.file);
      findings += j.comments.length;
    } catch {
      unreadable++;
    }
  }
  const bad = stripAnsi(r.stderr).split('\n').filter((l) => l.startsWith('shellcheck exited with status'));
  const problem = r.status !== 0 || bad.length || unreadable || reports.length !== expected ? `ShellCheck: xargs status ${r.status}, ${bad.length} processes exited with status 2 or more, ${reports.length - unreadable} of ${expected} processes wrote a report: ${tail(r.stderr).join(' / ')}` : undefined;
  return { ...r, check: `ShellCheck exited 0/1 (1: findings) in ${fmt(reports.length - bad.length)} of ${fmt(expected)} processes, ${fmt(findings)} findings in ${fmt(flagged.size)} files`, problem };
}

/**
 * ansible-lint on the role directories, one process (split only if the arguments would not fit on a command line).
 * Its final summary line on stderr says how many files it linted ("... on N files."); it counts each role
 * directory as well as the role's files.
 */
function ansibleLint(t, roleDirs, files) {
  const chunks = [[]];
  let len = 0;
  for (const d of roleDirs) {
    if (len + d.length + 1 > ARGS_LIMIT && chunks[chunks.length - 1].length) {
      chunks.push([]);
      len = 0;
    }
    chunks[chunks.length - 1].push(d);
    len += d.length + 1;
  }
  const total = { seconds: 0, rssMb: 0, cpu: 0, steal: 0, status: 0, stderr: '' };
  let reported = 0;
  const problems = [];
  for (const c of chunks) {
    const r = timed('ansible-lint', ['--offline', '-p', ...c], { cwd: t.inDir, stdio: ['ignore', 'ignore', 'pipe'] });
    total.seconds += r.seconds;
    total.cpu += r.cpu;
    total.steal = total.steal === undefined || r.steal === undefined ? undefined : total.steal + r.steal;
    total.rssMb = Math.max(total.rssMb, r.rssMb);
    total.stderr += r.stderr + '\n';
    const summary = tail(r.stderr, 50).reverse().find((l) => / on [\d,]+ files?\.?$/.test(l));
    const n = summary ? Number(summary.match(/ on ([\d,]+) files?\.?$/)[1].replace(/,/g, '')) : 0;
    reported += n;
    // 0: no violations, 2: violations found; anything else is a failure.
    if (r.status !== 0 && r.status !== 2) {
      total.status = r.status;
      problems.push(`ansible-lint exited with status ${r.status}`);
    }
    if (!summary) problems.push(`no "on N files" summary line from ansible-lint: ${tail(r.stderr).join(' / ')}`);
  }
  const given = files.length + roleDirs.length;
  if (reported < 0.9 * given) problems.push(`ansible-lint reported linting only ${fmt(reported)} files of the ${fmt(files.length)} files (+ ${fmt(roleDirs.length)} role directories) it was given: its time is not comparable`);
  const how = chunks.length > 1 ? ` in ${chunks.length} processes` : '';
  return { ...total, check: `ansible-lint reported linting ${fmt(reported)} files (${fmt(files.length)} files + ${fmt(roleDirs.length)} role directories)${how}`, problem: problems.join('; ') || undefined };
}

/** dockerfile-utils lint takes one file per process (further arguments are ignored): 2 processes at a time via xargs. */
function dockerfileUtils(t, files, du) {
  const report = join(t.outDir, 'dockerfile-utils.jsonl');
  // Each process prints its JSON array of diagnostics as one line (one write): one line per file linted.
  const r = timed('sh', ['-c', `xargs -d '\\n' -P 2 -n 1 "$1" lint -j > "$2"`, 'sh', du, report], { cwd: t.inDir, input: files.join('\n') });
  const lines = existsSync(report) ? readFileSync(report, 'utf8').split('\n').filter(Boolean) : [];
  const linted = lines.filter((l) => l.startsWith('[')).length;
  // xargs: 0, or 123 when some file had an error-severity diagnostic (exit 1); 124+ means it could not run the command.
  const problem = (r.status !== 0 && r.status !== 123) || linted !== files.length ? `dockerfile-utils: xargs status ${r.status}, ${linted} of ${files.length} files linted; ${[...lines.filter((l) => !l.startsWith('[')).slice(0, 3), ...tail(r.stderr)].join(' / ')}` : undefined;
  return { ...r, check: `dockerfile-utils printed a report for ${fmt(linted)} files`, problem };
}

/**
 * The machine's speed at the moment: seconds for a fixed pure-JavaScript loop, in one process and in two at once.
 * On this shared VM it varies by 20 % and more between hours; it is recorded so that runs can be compared.
 */
function calibrate() {
  const loop = 'let x = 0; for (let i = 0; i < 4e8; i++) x = (x + i * 7) % 1000003; if (x < 0) console.log(x);';
  const one = timed(process.execPath, ['-e', loop]).seconds;
  const two = timed('sh', ['-c', `"$0" -e "$1" & "$0" -e "$1"; wait`, process.execPath, loop]).seconds;
  return { one, two };
}

function main() {
  ensureTools();
  const speedBefore = calibrate();
  const rows = [];
  const gen = {};
  for (const n of SIZES) {
    const dir = join(ROOT, 'bench/out', `repo-${n}`);
    const files = generate(n, dir);
    gen[n] = { dir, files };
    const bytes = bytesOf(dir, files);
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const r = timed(process.execPath, [CLI, 'scan', '.', '--format', 'json', '-o', '/dev/null', '--fail-on', 'none'], { cwd: dir });
      if (r.status !== 0) throw new Error(`azl-migrate exited with status ${r.status} on ${dir}: ${tail(r.stderr).join(' / ')}`);
      runs.push(r);
      console.error(`azl-migrate ${n} files, run ${i + 1}/${RUNS}: ${r.seconds}s wall, ${r.cpu.toFixed(2)}s CPU, ${fmt(r.rssMb)} MB`);
    }
    const seconds = median(runs.map((r) => r.seconds));
    rows.push({ n, seconds, runs: runs.map((r) => r.seconds), steals: runs.map((r) => r.steal), cpu: median(runs.map((r) => r.cpu)), rssMb: Math.max(...runs.map((r) => r.rssMb)), filesPerSec: n / seconds, mbPerSec: bytes / 1e6 / seconds, bytes });
  }

  // Peers, on the same inputs from the largest repository, copied outside the git work tree (bench/out lies inside it).
  const big = gen[Math.max(...SIZES)];
  const by = (re) => big.files.filter((f) => re.test(f));
  const shells = by(/\.sh$/).slice(0, PEER_N);
  const dockerfiles = by(/\/Dockerfile\./).slice(0, PEER_N);
  const allRoles = [...new Set(by(/\/ansible\/roles\/[^/]+\/tasks\/main\.yml$/).map((f) => f.replace(/\/tasks\/main\.yml$/, '')))];
  const roleDirs = PEER_N === Infinity ? allRoles : allRoles.slice(0, Math.max(10, Math.floor(PEER_N / 10)));
  const inRole = new Set(roleDirs);
  const roleFiles = big.files.filter((f) => inRole.has(f.match(/^(.*\/ansible\/roles\/[^/]+)\//)?.[1]));
  const peers = [];
  const compare = (name, files, runPeer) => {
    const t = copyInputs(big.dir, files);
    try {
      console.error(`${name}: ${files.length} files copied to ${t.inDir}`);
      // azl-migrate runs PEER_RUNS times, PEER_RUNS_BEFORE runs before the peer and the others after it, and its
      // median counts: its runs take seconds, where wall times on this shared VM vary by about ±30 %; a peer run takes
      // minutes.
      const runs = [];
      while (runs.length < PEER_RUNS_BEFORE) runs.push(scanCopy(t, files.length));
      const theirs = runPeer(t);
      while (runs.length < PEER_RUNS) runs.push(scanCopy(t, files.length));
      const ours = { ...[...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)], cpu: median(runs.map((r) => r.cpu)), runs: runs.map((r) => r.seconds), steals: runs.map((r) => r.steal), problem: runs.map((r) => r.problem).find(Boolean) };
      const p = { name, files: files.length, ours, theirs };
      peers.push(p);
      console.error(`${name}: ${files.length} files, azl-migrate ${ours.seconds}s (${ours.cpu.toFixed(2)}s CPU), peer ${theirs.seconds}s (${theirs.cpu.toFixed(2)}s CPU)`);
      console.error(`  ${theirs.check}; ${ours.check}`);
      for (const l of tail(theirs.stderr)) console.error(`  peer stderr: ${l}`);
      for (const w of [theirs.problem, ours.problem].filter(Boolean)) console.error(`  WARNING: ${w}`);
    } finally {
      rmSync(t.tmp, { recursive: true, force: true });
    }
  };
  if (have('shellcheck')) compare('ShellCheck', shells, (t) => shellcheck(t, shells));
  if (have('ansible-lint')) compare('ansible-lint', roleFiles, (t) => ansibleLint(t, roleDirs, roleFiles));
  const du = join(ROOT, 'node_modules/.bin/dockerfile-utils');
  if (existsSync(du)) compare('dockerfile-utils lint', dockerfiles, (t) => dockerfileUtils(t, dockerfiles, du));
  let floor;
  if (have('rg')) {
    floor = timed('rg', ['-c', '-e', 'apt-get|apk add|yum |dnf |tdnf |zypper ', '.'], { cwd: big.dir, stdio: ['ignore', 'ignore', 'pipe'] });
    console.error(`ripgrep: ${floor.seconds}s`);
  }

  // Cold start on one file: median of 9 runs, each next to an empty Node process (what any Node program pays to
  // start here). Node 20 reads NODE_EXTRA_CA_CERTS's bundle at start-up, before any of the program's code runs
  // (nodejs/node#40524); when it is set, both are also measured without it.
  const one = join(big.dir, shells[0]);
  const coldStart = (env) => {
    const scan = [];
    const empty = [];
    for (let i = 0; i < 9; i++) {
      scan.push(timed(process.execPath, [CLI, 'scan', one, '--fail-on', 'none'], { cwd: dirname(one), env }).seconds);
      empty.push(timed(process.execPath, ['-e', '0'], { env }).seconds);
    }
    return { scan: median(scan), empty: median(empty) };
  };
  const cold = coldStart(process.env);
  const caCerts = process.env.NODE_EXTRA_CA_CERTS;
  const coldNoCa = caCerts ? coldStart(Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_EXTRA_CA_CERTS'))) : undefined;

  const speedAfter = calibrate();
  const cpu = cpus()[0]?.model ?? 'unknown';
  const largest = rows[rows.length - 1];
  const args = process.argv.slice(2);
  const command = args.length ? `\`node bench/run.mjs ${args.join(' ')}\`` : '`npm run bench` (= `node bench/run.mjs`, defaults `--sizes 1000,5000,20000 --peer-sample all`)';
  const lines = [];
  lines.push('# Benchmarks', '');
  lines.push(`Machine: ${cpus().length} cores (${cpu}), ${fmt(totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}. Date: ${new Date().toISOString().slice(0, 10)}. Load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(', ')} (a shared VM: other jobs may run meanwhile).`);
  lines.push(`Machine speed check (a fixed 4e8-iteration JavaScript loop; lower is faster): ${speedBefore.one.toFixed(2)} s alone and ${speedBefore.two.toFixed(2)} s with two at once before the run, ${speedAfter.one.toFixed(2)} s and ${speedAfter.two.toFixed(2)} s after it.`);
  lines.push(`Command: ${command}. Repositories are generated deterministically by \`bench/generate.mjs\` (Dockerfiles, shell scripts, Ansible roles, systemd units, cloud-init, Terraform, Python).`, '');
  lines.push('## azl-migrate on the whole repository', '');
  lines.push(`\`azl-migrate scan . --format json -o /dev/null --fail-on none\` in the repository. Wall and CPU time are the median of ${RUNS} runs (this machine is a shared VM; wall times vary by about ±30 % between runs, CPU time is steadier); the individual wall times are listed; peak RSS is the largest of the ${RUNS} runs. azl-migrate uses its own worker threads. ${STEAL_NOTE}`, '');
  lines.push(`| files | size | wall (median of ${RUNS} runs) | runs | steal in each run | files/s | MB/s | CPU user+sys | peak RSS |`, '|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) lines.push(`| ${fmt(r.n)} | ${fmt(r.bytes / 1e6, 1)} MB | ${r.seconds.toFixed(2)} s | ${r.runs.map((s) => s.toFixed(2)).join(' / ')} s | ${steals(r.steals)} | ${fmt(r.filesPerSec)} | ${r.mbPerSec.toFixed(2)} | ${r.cpu.toFixed(2)} s | ${fmt(r.rssMb)} MB |`);
  lines.push('', `Linearity: files/s at ${rows.map((r) => fmt(r.n)).join(' / ')} files = ${rows.map((r) => fmt(r.filesPerSec)).join(' / ')}.`, '');
  const what = PEER_N === Infinity ? 'all the shell scripts, Ansible roles and Dockerfiles of the largest repository' : `a sample from the largest repository: ${fmt(shells.length)} shell scripts, ${fmt(roleDirs.length)} roles, ${fmt(dockerfiles.length)} Dockerfiles`;
  lines.push(`## Side by side on the same inputs (${what})`, '');
  lines.push(
    `Each tool's inputs (${fmt(largest.n)}-file repository) are copied, with their relative paths, into a fresh temporary directory outside any git work tree, and both azl-migrate and the peer run on that copy (ansible-lint finds files with \`git ls-files\`: run inside this repository's work tree, where \`bench/out\` is git-ignored, it linted almost nothing). The peer runs once (minutes); azl-migrate runs ${PEER_RUNS} times, ${PEER_RUNS_BEFORE} times before the peer and ${PEER_RUNS - PEER_RUNS_BEFORE} times after it, and the median of its wall times (and of its CPU times) is compared: its runs take seconds, and on this shared VM one run's wall time varies by about ±30 %. The steal column gives the steal time during the peer's run, then during each of azl-migrate's runs (see above). Commands, in the copy:`,
    '',
    '- azl-migrate: `azl-migrate scan . --format json -o <tmp>/azl-migrate.json --fail-on none` (the copy holds exactly the inputs, so this scans the same files as naming them; its own worker threads).',
    `- ShellCheck: \`xargs -P 2 -n ${SC_BATCH} shellcheck -f json1 -S info\`, the file list on stdin: 2 parallel processes (generous to it on 2 cores), each process's report in its own file.`,
    '- ansible-lint: `ansible-lint --offline -p <role directories>`: one process (it has no parallel mode; it is how users run it).',
    '- dockerfile-utils: `xargs -P 2 -n 1 dockerfile-utils lint -j`: 2 parallel processes; it lints one file per process (it ignores further file arguments).',
    '',
  );
  lines.push(`| tool | inputs | peer wall | azl-migrate wall (median of ${PEER_RUNS}) | azl-migrate runs (${PEER_RUNS_BEFORE} before / ${PEER_RUNS - PEER_RUNS_BEFORE} after the peer) | steal (peer; azl-migrate runs) | peer files/s | azl-migrate files/s | ratio | peer CPU | azl-migrate CPU | check |`, '|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const p of peers) lines.push(`| ${p.name} | ${fmt(p.files)} files | ${p.theirs.seconds.toFixed(2)} s | ${p.ours.seconds.toFixed(2)} s | ${p.ours.runs.slice(0, PEER_RUNS_BEFORE).map((x) => x.toFixed(2)).join(' / ')}; ${p.ours.runs.slice(PEER_RUNS_BEFORE).map((x) => x.toFixed(2)).join(' / ')} s | ${steals([p.theirs.steal])}; ${steals(p.ours.steals)} | ${fmt(p.files / p.theirs.seconds, 1)} | ${fmt(p.files / p.ours.seconds, 1)} | ${(p.theirs.seconds / p.ours.seconds).toFixed(1)}x | ${p.theirs.cpu.toFixed(2)} s | ${p.ours.cpu.toFixed(2)} s | ${p.theirs.check}; ${p.ours.check} |`);
  for (const p of peers) {
    for (const w of [p.theirs.problem, p.ours.problem].filter(Boolean)) lines.push('', `> **WARNING (${p.name}): ${w.replace(/\|/g, '\\|')}**`);
  }
  if (floor) lines.push('', `Floor: ripgrep reads the whole ${fmt(largest.n)}-file repository for the package-manager keywords in ${floor.seconds.toFixed(2)} s (${fmt(largest.n / floor.seconds)} files/s); azl-migrate parses and analyses it in ${largest.seconds.toFixed(2)} s (median of ${RUNS} runs).`);
  const ms = (x) => `${(x * 1000).toFixed(0)} ms`;
  lines.push('', `Cold start, one shell script: ${ms(cold.scan)} wall (median of 9); an empty Node process (\`node -e 0\`) takes ${ms(cold.empty)} here.`);
  if (coldNoCa) lines.push(`This environment sets NODE_EXTRA_CA_CERTS (${caCerts}), and Node 20 loads that certificate bundle when it starts, before any program code runs (nodejs/node#40524). azl-migrate makes no network calls and never uses it. Without the variable: ${ms(coldNoCa.scan)} (median of 9); \`node -e 0\` ${ms(coldNoCa.empty)}.`);
  lines.push('');
  const ratioOf = (name) => {
    const p = peers.find((q) => q.name === name);
    return p ? { ratio: p.theirs.seconds / p.ours.seconds, trusted: !p.theirs.problem && !p.ours.problem } : undefined;
  };
  const ratioGoal = (name, x) => {
    const r = ratioOf(name);
    return [`at least ${x}x ${name}`, !!r && r.trusted && r.ratio >= x, r ? `${r.ratio.toFixed(1)}x${r.trusted ? '' : ' (check failed: see the warning)'}` : 'not measured'];
  };
  const goals = [
    ['at least 1,000 files/s on the mixed repository', largest.filesPerSec >= 1000, `${fmt(largest.filesPerSec)} files/s`],
    ratioGoal('ShellCheck', 10),
    ratioGoal('ansible-lint', 50),
    ['peak RSS under 500 MB for 20,000 files', (rows.find((r) => r.n === 20000)?.rssMb ?? Infinity) < 500, rows.some((r) => r.n === 20000) ? `${fmt(rows.find((r) => r.n === 20000).rssMb)} MB` : 'not measured'],
    ['one-file scan under 400 ms from a cold start', cold.scan < 0.4 ? true : coldNoCa && coldNoCa.scan < 0.4 ? 'only without NODE_EXTRA_CA_CERTS' : false, coldNoCa ? `${ms(cold.scan)}; ${ms(coldNoCa.scan)} without NODE_EXTRA_CA_CERTS` : ms(cold.scan)],
  ];
  lines.push('## Goals', '', '| goal | met | measured |', '|---|---|---|');
  for (const [g, ok, m] of goals) lines.push(`| ${g} | ${ok === true ? 'yes' : ok ? `**${ok}**` : '**no**'} | ${m} |`);
  lines.push('');
  const existing = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  const keep = existing.includes('\n## TS/JS') ? existing.slice(existing.indexOf('\n## TS/JS')) : '';
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, lines.join('\n') + keep);
  console.error(`written ${OUT}`);
}

main();
