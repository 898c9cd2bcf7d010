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
