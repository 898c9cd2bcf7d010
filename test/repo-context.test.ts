import { describe, expect, it, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from '../src/scan.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'azl-repo-'));
  dirs.push(d);
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(join(d, p, '..'), { recursive: true });
    writeFileSync(join(d, p), c);
  }
  return d;
}

const TASKS = '---\n- name: OS variables\n  ansible.builtin.include_vars: "{{ ansible_os_family }}.yml"\n- name: OS tasks\n  ansible.builtin.include_tasks: "{{ ansible_distribution }}.yml"\n';

describe('rules see the other files of the repository', () => {
  it('an include keyed by the OS fact is reported when the role has no file for Azure Linux', async () => {
    const d = repo({ 'roles/web/tasks/main.yml': TASKS, 'roles/web/vars/RedHat.yml': 'x: 1\n', 'roles/web/vars/Debian.yml': 'x: 2\n', 'roles/web/tasks/RedHat.yml': '---\n- ansible.builtin.debug: msg=hi\n' });
    const r = await scan({ root: d });
    const hits = r.findings.filter((f) => f.ruleId === 'ansible/os-family-gate').map((f) => `${f.file}:${f.line}`);
    expect(hits).toEqual(['roles/web/tasks/main.yml:3', 'roles/web/tasks/main.yml:5']);
    expect(r.findings.find((f) => f.ruleId === 'ansible/os-family-gate')!.message).toContain('no file for Azure Linux exists beside it');
  });

  it('is not reported where the role has one (vars/ for include_vars, tasks/ for include_tasks)', async () => {
    const d = repo({ 'roles/web/tasks/main.yml': TASKS, 'roles/web/vars/RedHat.yml': 'x: 1\n', 'roles/web/vars/AzureLinux.yml': 'x: 3\n', 'roles/web/tasks/RedHat.yml': '---\n- ansible.builtin.debug: msg=hi\n' });
    const r = await scan({ root: d });
    expect(r.findings.filter((f) => f.ruleId === 'ansible/os-family-gate').map((f) => `${f.file}:${f.line}`)).toEqual(['roles/web/tasks/main.yml:5']);
  });
});

describe('user-data a template reads from another file', () => {
  it('is scanned in that file (cloud-config by its header, scripts by shebang), with positions in it', async () => {
    const d = repo({
      'infra/main.tf': 'resource "azurerm_linux_virtual_machine" "vm" {\n  name        = "vm"\n  custom_data = base64encode(file("${path.module}/init/user-data.yaml.tmpl"))\n  user_data   = filebase64("${path.module}/init/boot")\n}\n',
      'infra/init/user-data.yaml.tmpl': '#cloud-config\npackages:\n  - libssl-dev\nruncmd:\n  - apt-get install -y curl\n',
      'infra/init/boot': '#!/bin/bash\nyum groupinstall -y "Development Tools"\n',
    });
    const r = await scan({ root: d });
    const at = (file: string) => r.findings.filter((f) => f.file === file).map((f) => `${f.line}:${f.column} ${f.ruleId}`);
    expect(at('infra/init/user-data.yaml.tmpl')).toEqual(expect.arrayContaining(['3:5 pkg/renamed', '5:5 pkgmgr/apt']));
    expect(at('infra/init/boot')).toEqual(expect.arrayContaining(['2:5 pkgmgr/dnf5-syntax']));
    expect(r.notes.some((n) => n.file === 'infra/main.tf' && /scanned on its own/.test(n.message))).toBe(true);
  });
});
