#!/usr/bin/env node
// TS/JS scanning cost: a mixed repository with and without 200 TypeScript files (Pulumi programs, child_process
// helpers, plain application code), scanned by the built CLI's scan() in a fresh process (so ts-morph's import is
// counted). Writes the "## TS/JS" section of bench/RESULTS.md (bench/run.mjs keeps that section).
//
//   npm run build && node bench/tsjs.mjs [--files 200] [--runs 7]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (n, d) => (process.argv.includes(n) ? process.argv[process.argv.indexOf(n) + 1] : d);
const FILES = Number(arg('--files', '200'));
const RUNS = Number(arg('--runs', '7'));
const OUT = join(ROOT, 'bench/RESULTS.md');
const SCAN = join(ROOT, 'dist/src/scan.js');
if (!existsSync(SCAN)) throw new Error('build first: npm run build');

function write(dir, files) {
  for (const [p, t] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), t);
  }
}

/** The same base repository for both runs: Terraform, a workflow, shell scripts, Dockerfiles. */
function base(dir) {
  const files = {};
  for (let i = 0; i < 20; i++) files[`scripts/s${i}.sh`] = `#!/bin/bash\nset -e\napt-get update\napt-get install -y nginx curl jq\nsystemctl enable --now nginx\n`;
  for (let i = 0; i < 10; i++) files[`docker/d${i}/Dockerfile`] = `FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y python3 python3-pip\n`;
  for (let i = 0; i < 10; i++) files[`infra/m${i}.tf`] = `resource "azurerm_linux_virtual_machine" "v${i}" {\n  size = "Standard_D2s_v5"\n  source_image_reference {\n    publisher = "Canonical"\n    offer     = "0001-com-ubuntu-server-jammy"\n    sku       = "22_04-lts-gen2"\n    version   = "latest"\n  }\n}\n`;
  files['.github/workflows/ci.yml'] = `on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: sudo apt-get install -y make\n`;
  write(dir, files);
}

/** 200 TS files: 10% Pulumi programs, 10% child_process helpers, 80% plain application code (~120 lines). */
function tsFiles(dir, n, plainOnly = false) {
  const files = {};
  const plain = (i) => {
    let t = `import { EventEmitter } from 'node:events';\n\nexport interface Item${i} { id: number; name: string; tags: string[] }\n\nexport class Store${i} extends EventEmitter {\n  private items = new Map<number, Item${i}>();\n`;
    for (let k = 0; k < 25; k++) t += `  method${k}(x: number): number {\n    const v = this.items.get(x);\n    return v ? v.id * ${k} + x : ${k};\n  }\n`;
    return t + '}\n';
  };
  for (let i = 0; i < n; i++) {
    if (plainOnly) files[`src/app/mod${i}.ts`] = plain(i);
    else if (i % 10 === 0) files[`src/infra/stack${i}.ts`] = `import * as compute from '@pulumi/azure-native/compute';\nexport const vm = new compute.VirtualMachine('vm${i}', {\n  storageProfile: { imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' } },\n});\n` + plain(i);
    else if (i % 10 === 1) files[`src/tools/run${i}.ts`] = `import { execSync, spawnSync } from 'node:child_process';\nexport function setup(pkg: string) {\n  execSync('sudo apt-get install -y nginx');\n  spawnSync('apt-get', ['install', '-y', 'jq']);\n  execSync(\`apt-get install -y \${pkg}\`);\n}\n` + plain(i);
    else files[`src/app/mod${i}.ts`] = plain(i);
  }
  write(dir, files);
}

function once(dir, env) {
  const code = `const c0=process.cpuUsage();const t=performance.now();const {scan}=await import(${JSON.stringify(SCAN)});const r=await scan({root:${JSON.stringify(dir)}});const {tsLoaded}=await import(${JSON.stringify(join(ROOT, 'dist/src/languages/tsjs/load.js'))});const c=process.cpuUsage(c0);console.log(JSON.stringify({ms:performance.now()-t,cpu:(c.user+c.system)/1000,files:r.files.scanned.length,findings:r.findings.length,ts:tsLoaded()}));`;
  const script = join(ROOT, 'bench/out/tsjs-child.mjs');
  writeFileSync(script, code);
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** Runs the cases interleaved (a, b, c, a, b, c, ...) so that load changes on the machine hit them alike. */
function measureAll(cases) {
  const runs = cases.map(() => []);
  for (let i = 0; i < RUNS; i++) cases.forEach(([dir, env], k) => runs[k].push(once(dir, env)));
  return runs.map((out) => {
    const med = (key) => out.map((o) => o[key]).sort((p, q) => p - q)[Math.floor(out.length / 2)];
    return { ...out[0], ms: med('ms'), cpu: med('cpu') };
  });
}

const tmp = join(ROOT, 'bench/out/tsjs');
rmSync(tmp, { recursive: true, force: true });
const a = join(tmp, 'without');
const b = join(tmp, 'with');
const p = join(tmp, 'plain');
base(a);
base(b);
base(p);
tsFiles(b, FILES);
tsFiles(p, FILES, true);
// Sequential (AZL_MIGRATE_WORKERS=0): one thread, so "ts-morph loaded" is meaningful; default: the scan spreads
// 200+ files over worker threads, each of which loads the TypeScript API it needs.
const seq = { AZL_MIGRATE_WORKERS: '0' };
const [without, withTs, withDefault, withPlain] = measureAll([
  [a, seq],
  [b, seq],
  [b, {}],
  [p, seq],
]);
const extra = withTs.ms - without.ms;
const extraCpu = withTs.cpu - without.cpu;
function loadTime(code) {
  const script = join(ROOT, 'bench/out/tsjs-load.mjs');
  writeFileSync(script, code);
  const xs = [];
  for (let i = 0; i < RUNS; i++) xs.push(Number(spawnSync(process.execPath, [script], { encoding: 'utf8', cwd: ROOT }).stdout.trim()));
  xs.sort((p, q) => p - q);
  return xs[Math.floor(xs.length / 2)];
}
const tsLoad = loadTime(`const t=performance.now();const m=await import(${JSON.stringify(join(ROOT, 'dist/src/languages/tsjs/load.js'))});await m.loadTs();console.log(performance.now()-t);`);
const morphLoad = loadTime(`const t=performance.now();await import(${JSON.stringify(join(ROOT, 'node_modules/ts-morph/dist/ts-morph.js'))});console.log(performance.now()-t);`);
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const section = [
  '',
  '## TS/JS (issue #8): cost of 200 TypeScript files',
  '',
  `Command: \`npm run build && node bench/tsjs.mjs --files ${FILES} --runs ${RUNS}\`. Machine: ${cpus().length} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}. Date: ${new Date().toISOString().slice(0, 10)}.`,
  `Each run is a fresh process calling the built \`scan()\` (so loading the TypeScript API is included); median of ${RUNS}, the cases interleaved. The base repository has 41 files (shell, Dockerfiles, Terraform, a workflow); the second adds ${FILES} TS files: 10% Pulumi programs, 10% child_process helpers, 80% plain code (~120 lines each).`,
  '',
  '| repository | files scanned | findings | TypeScript API loaded | wall (median) | CPU user+sys (median) |',
  '|---|---|---|---|---|---|',
  `| base, one thread | ${without.files} | ${without.findings} | ${without.ts ? 'yes' : 'no'} | ${without.ms.toFixed(0)} ms | ${without.cpu.toFixed(0)} ms |`,
  `| base + ${FILES} TS files, one thread | ${withTs.files} | ${withTs.findings} | ${withTs.ts ? 'yes' : 'no'} | ${withTs.ms.toFixed(0)} ms | ${withTs.cpu.toFixed(0)} ms |`,
  `| base + ${FILES} plain TS files (nothing to parse), one thread | ${withPlain.files} | ${withPlain.findings} | ${withPlain.ts ? 'yes' : 'no'} | ${withPlain.ms.toFixed(0)} ms | ${withPlain.cpu.toFixed(0)} ms |`,
  `| base + ${FILES} TS files, default (worker threads from 200 files) | ${withDefault.files} | ${withDefault.findings} | (in workers) | ${withDefault.ms.toFixed(0)} ms | ${withDefault.cpu.toFixed(0)} ms |`,
  '',
  `Extra for ${FILES} TS files, one thread: **${extra.toFixed(0)} ms wall, ${extraCpu.toFixed(0)} ms CPU** (goal: well under 1 s); ${(withPlain.cpu - without.cpu).toFixed(0)} ms CPU of it is what any ${FILES} extra files cost (discovery, reading, the rule engine: the plain-TS row), the rest (${(withTs.cpu - withPlain.cpu).toFixed(0)} ms) is loading the TypeScript API, parsing the ${FILES / 5} files that need it and analysing their commands. Load average while measuring: ${loadavg().map((x) => x.toFixed(1)).join(', ')} (other jobs share the machine, so wall times vary; CPU time is the steadier number). Loading the TypeScript API with its V8 code cache warm: ${tsLoad.toFixed(0)} ms; \`import('ts-morph')\`: ${morphLoad.toFixed(0)} ms (medians of ${RUNS} fresh processes). Files that name neither \`child_process\` nor an IaC property (\`publisher\`, \`osSku\`, ...) cost one regex test; the others are parsed with the raw TypeScript API bundled in ts-morph (no Project, no type checker). A repository without TS/JS never imports ts-morph (test/languages/tsjs.test.ts).`,
  '',
].join('\n');
const existing = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '# Benchmarks\n';
const head = existing.includes('\n## TS/JS') ? existing.slice(0, existing.indexOf('\n## TS/JS')) : existing.replace(/\n*$/, '\n');
writeFileSync(OUT, head + section);
console.error(`without: ${without.ms.toFixed(0)} ms, with: ${withTs.ms.toFixed(0)} ms, extra ${extra.toFixed(0)} ms`);
