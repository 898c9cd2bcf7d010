#!/usr/bin/env node
// `node bench/scale.mjs [--n 1000] [--runs 3]`: does the cost grow linearly with the input in shapes the mixed
// repository of bench/run.mjs does not have? For each shape, a repository at size n and at 4n is generated in a
// temporary directory and scanned in one thread (AZL_MIGRATE_WORKERS=0, no time budget); the table gives the
// median wall time of each, less the start-up (a scan of an empty directory), and their ratio: about 4 is
// linear, about 16 quadratic. Prints a Markdown table (paste it into bench/RESULTS.md with the command).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist/bin/azl-migrate.js');
const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : def;
};
const N = Number(arg('--n', '1000'));
const RUNS = Number(arg('--runs', '3'));

const write = (dir, rel, text) => {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
const lines = ['apt-get update', 'apt-get install -y nginx curl libssl1.1', 'systemctl enable nginx', 'cp /tmp/a /etc/nginx/nginx.conf', 'useradd -G sudo bob', 'echo hi > /etc/apt/sources.list.d/x.list', 'ufw allow 80/tcp'];
const pick = (i) => lines[(i * 7) % lines.length];
const TASKS = [
  '- name: t\n  apt:\n    name: nginx\n    state: present\n',
  '- name: s\n  service:\n    name: ssh\n    state: started\n',
  "- name: c\n  shell: apt-get install -y curl\n  when: ansible_os_family == 'Debian'\n",
  '- name: i\n  include_vars: "{{ ansible_os_family }}.yml"\n',
];

/** Each shape writes a repository of size n into dir. */
const SHAPES = [
  ['roles whose tasks include a file keyed by the OS fact (n roles, 2 files each)', (dir, n) => {
    for (let r = 0; r < n; r++) {
      write(dir, `roles/r${r}/tasks/main.yml`, '---\n- name: os vars\n  ansible.builtin.include_vars: "{{ ansible_os_family }}.yml"\n');
      write(dir, `roles/r${r}/vars/RedHat.yml`, 'x: 1\n');
    }
  }],
  ['shell scripts with a suppression comment and findings (n scripts)', (dir, n) => {
    for (let i = 0; i < n; i++) write(dir, `scripts/d${i % 50}/s${i}.sh`, `#!/bin/bash\n# azl-migrate-ignore pkgmgr/apt -- tested elsewhere\napt-get install -y nginx\n${pick(i)}\n${pick(i + 1)}\n`);
  }],
  ['one shell script of n commands', (dir, n) => write(dir, 'big.sh', `#!/bin/bash\n${Array.from({ length: n }, (_, i) => pick(i)).join('\n')}\n`)],
  ['one Dockerfile of n RUN instructions', (dir, n) => write(dir, 'Dockerfile', `FROM ubuntu:22.04\n${Array.from({ length: n }, (_, i) => `RUN ${pick(i)}`).join('\n')}\n`)],
  ['one Ansible tasks file of n tasks', (dir, n) => write(dir, 'roles/r/tasks/main.yml', `---\n${Array.from({ length: n }, (_, i) => TASKS[i % TASKS.length]).join('')}`)],
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function timeScan(dir) {
  const env = { ...process.env, AZL_MIGRATE_WORKERS: '0' };
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [CLI, 'scan', '.', '--format', 'json', '-o', join(dir, '..', 'out.json'), '--fail-on', 'none', '--file-time-budget', '0'], { cwd: dir, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`azl-migrate exited with ${r.status} in ${dir}: ${r.stderr}`);
    times.push(Number(process.hrtime.bigint() - t) / 1e9);
  }
  return median(times);
}

const tmp = mkdtempSync(join(tmpdir(), 'azl-scale-'));
try {
  const emptyDir = join(tmp, 'empty');
  mkdirSync(emptyDir);
  const base = timeScan(emptyDir);
  const rows = [];
  for (const [name, make] of SHAPES) {
    const t = [];
    for (const n of [N, 4 * N]) {
      const dir = join(tmp, `${SHAPES.findIndex((s) => s[0] === name)}-${n}`, 'repo');
      make(dir, n);
      t.push(Math.max(0.001, timeScan(dir) - base));
      rmSync(dirname(dir), { recursive: true, force: true });
    }
    rows.push(`| ${name} | ${t[0].toFixed(2)} s | ${t[1].toFixed(2)} s | ${(t[1] / t[0]).toFixed(1)} |`);
    console.error(rows[rows.length - 1]);
  }
  console.log(`Start-up (a scan of an empty directory, subtracted below): ${base.toFixed(2)} s. Median of ${RUNS} runs, one thread.\n`);
  console.log(`| shape | n = ${N} | n = ${4 * N} | ratio (4 = linear) |\n|---|---|---|---|`);
  console.log(rows.join('\n'));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
