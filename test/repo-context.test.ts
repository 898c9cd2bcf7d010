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
    expect(JSON.stringify(r)).not.toContain('azure-linux-file-in');
    // A scan of main.yml alone does not see the vars file.
    expect((await scan({ root: d, paths: ['roles/web/tasks/main.yml'] })).findings.filter((f) => f.ruleId === 'ansible/os-family-gate')).toHaveLength(2);
  });

  it('a role that is a repository of its own, and first_found names under vars/, find the file for Azure Linux too', async () => {
    const gate = (r: Awaited<ReturnType<typeof scan>>) => r.findings.filter((f) => f.ruleId === 'ansible/os-family-gate').map((f) => `${f.file}:${f.line}`);
    // geerlingguy's roles: tasks/, vars/ at the top of the repository, candidates named vars/{{ ... }}.yml.
    const FIRST_FOUND = '---\n- name: OS variables\n  ansible.builtin.include_vars: "{{ item }}"\n  with_first_found:\n    - files:\n        - "vars/{{ ansible_facts.os_family }}.yml"\n      skip: true\n';
    const standalone = { 'tasks/main.yml': TASKS, 'tasks/variables.yml': FIRST_FOUND, 'tasks/RedHat.yml': '---\n- ansible.builtin.debug: msg=hi\n', 'vars/RedHat.yml': 'x: 1\n' };
    expect(gate(await scan({ root: repo(standalone) }))).toEqual(['tasks/main.yml:3', 'tasks/main.yml:5', 'tasks/variables.yml:6']);
    expect(gate(await scan({ root: repo({ ...standalone, 'vars/AzureLinux.yml': 'x: 3\n' }) }))).toEqual(['tasks/main.yml:5']);
    const inRoles = Object.fromEntries(Object.entries(standalone).map(([k, v]) => [`roles/db/${k}`, v]));
    expect(gate(await scan({ root: repo({ ...inRoles, 'roles/db/vars/azl.yml': 'x: 3\n' }) }))).toEqual(['roles/db/tasks/main.yml:5']);
  });

  it('with a cache, a file for Azure Linux added later settles the include, and only that file is analysed', async () => {
    const d = repo({ 'roles/web/tasks/main.yml': TASKS, 'roles/web/vars/RedHat.yml': 'x: 1\n', 'roles/web/tasks/RedHat.yml': '---\n- ansible.builtin.debug: msg=hi\n' });
    const cacheFile = join(d, '.azl-migrate-cache');
    const hits = (r: Awaited<ReturnType<typeof scan>>) => r.findings.filter((f) => f.ruleId === 'ansible/os-family-gate').map((f) => `${f.file}:${f.line}`);
    expect(hits(await scan({ root: d, cacheFile }))).toEqual(['roles/web/tasks/main.yml:3', 'roles/web/tasks/main.yml:5']);
    writeFileSync(join(d, 'roles/web/vars/azurelinux.yml'), 'x: 3\n');
    const again = await scan({ root: d, cacheFile });
    expect(again.cache).toMatchObject({ reused: 3, analysed: 1 });
    expect(hits(again)).toEqual(['roles/web/tasks/main.yml:5']);
  });
});

describe('a service installed in one file and enabled in another (systemd/enable-after-install)', () => {
  const INSTALL = '---\n- name: Install nginx\n  ansible.builtin.package:\n    name: nginx\n    state: present\n';
  const hits = (r: Awaited<ReturnType<typeof scan>>) => r.findings.filter((f) => f.ruleId === 'systemd/enable-after-install').map((f) => `${f.file}:${f.line}`);

  it('a role that enables it in tasks/main.yml: not reported', async () => {
    const d = repo({ 'roles/web/tasks/install.yml': INSTALL, 'roles/web/tasks/main.yml': '---\n- ansible.builtin.include_tasks: install.yml\n- ansible.builtin.service:\n    name: nginx\n    state: started\n    enabled: true\n' });
    const r = await scan({ root: d });
    expect(hits(r)).toEqual([]);
    // The internal key never reaches a report.
    expect(JSON.stringify(r)).not.toContain('service-decided');
  });

  it('an alias, a disable on purpose, or a shell script of the project count too', async () => {
    const apache = '---\n- ansible.builtin.apt:\n    name: apache2\n';
    expect(hits(await scan({ root: repo({ 'roles/a/tasks/install.yml': apache, 'roles/a/tasks/main.yml': '---\n- ansible.builtin.systemd:\n    name: httpd.service\n    enabled: yes\n' }) }))).toEqual([]);
    expect(hits(await scan({ root: repo({ 'roles/a/tasks/install.yml': apache, 'scripts/setup.sh': '#!/bin/sh\nsystemctl enable --now apache2\n' }) }))).toEqual([]);
    expect(hits(await scan({ root: repo({ 'install.sh': '#!/bin/sh\napt-get install -y redis-server\n', 'harden.sh': '#!/bin/sh\nsystemctl mask redis\n' }) }))).toEqual([]);
  });

  it('still reported when no file enables it, or another service is enabled, with the file named alone', async () => {
    const r = await scan({ root: repo({ 'roles/web/tasks/install.yml': INSTALL, 'roles/web/tasks/main.yml': '---\n- ansible.builtin.service:\n    name: haproxy\n    enabled: true\n' }) });
    expect(hits(r)).toEqual(['roles/web/tasks/install.yml:4']);
    expect(JSON.stringify(r)).not.toContain('service-decided');
    // A scan of that one file cannot see the other.
    const d = repo({ 'roles/web/tasks/install.yml': INSTALL, 'roles/web/tasks/main.yml': '---\n- ansible.builtin.service:\n    name: nginx\n    enabled: true\n' });
    expect(hits(await scan({ root: d, paths: ['roles/web/tasks/install.yml'] }))).toEqual(['roles/web/tasks/install.yml:4']);
  });

  it('in worker threads and with a cache, the same', { timeout: 40_000 }, async () => {
    const files: Record<string, string> = { 'roles/web/tasks/install.yml': INSTALL, 'roles/web/tasks/main.yml': '---\n- ansible.builtin.service:\n    name: nginx\n    enabled: true\n', 'roles/db/tasks/main.yml': '---\n- ansible.builtin.apt:\n    name: postgresql\n' };
    for (let i = 0; i < 10; i++) files[`scripts/s${i}.sh`] = '#!/bin/sh\necho ok\n';
    const d = repo(files);
    const cacheFile = join(d, '.azl-migrate-cache');
    // Scan workers from the TypeScript sources (test/support/ts-loader.mjs), as the malformed-input tests do.
    const saved = process.env.AZL_MIGRATE_TS_LOADER;
    process.env.AZL_MIGRATE_TS_LOADER = new URL('./support/ts-loader.mjs', import.meta.url).href;
    let first, second;
    try {
      first = await scan({ root: d, cacheFile });
      second = await scan({ root: d, cacheFile });
    } finally {
      if (saved === undefined) delete process.env.AZL_MIGRATE_TS_LOADER;
      else process.env.AZL_MIGRATE_TS_LOADER = saved;
    }
    expect(second.cache?.reused).toBe(first.files.scanned.length);
    for (const r of [first, second]) expect(hits(r)).toEqual(['roles/db/tasks/main.yml:3']);
  });
});

describe('an account created in one file and used in another (systemd/debian-account)', () => {
  const hits = (r: Awaited<ReturnType<typeof scan>>) => r.findings.filter((f) => f.ruleId === 'systemd/debian-account').map((f) => `${f.file}:${f.line}`);
  const UNIT = '[Service]\nUser=www-data\nExecStart=/usr/bin/php-fpm\n';

  it('created by a setup script or a role task elsewhere in the scan: not reported', async () => {
    expect(hits(await scan({ root: repo({ 'app.service': UNIT, 'setup.sh': '#!/bin/sh\nuseradd --system www-data\n' }) }))).toEqual([]);
    expect(hits(await scan({ root: repo({ 'roles/app/files/app.service': UNIT, 'roles/app/tasks/users.yml': '---\n- ansible.builtin.user:\n    name: www-data\n    system: true\n' }) }))).toEqual([]);
  });

  it('each Dockerfile builds its own image: an account one creates does not count for another', async () => {
    const r = await scan({ root: repo({ 'alpine/Dockerfile': 'FROM alpine:3.20\nRUN addgroup -S www-data && adduser -u 82 -D -S -G www-data www-data\n', 'debian/Dockerfile': 'FROM debian:12\nRUN chown www-data /var/www\n', 'app.service': UNIT }) });
    expect(hits(r)).toEqual(['app.service:2', 'debian/Dockerfile:2']);
  });

  it('created nowhere, or removed: reported', async () => {
    expect(hits(await scan({ root: repo({ 'app.service': UNIT, 'setup.sh': '#!/bin/sh\nuseradd --system webapp\n' }) }))).toEqual(['app.service:2']);
    expect(hits(await scan({ root: repo({ 'app.service': UNIT, 'tasks.yml': '---\n- ansible.builtin.user:\n    name: www-data\n    state: absent\n' }) }))).toEqual(['app.service:2']);
  });
});

describe('a tasks file included only on other distributions', () => {
  const MAIN = '---\n- ansible.builtin.include_tasks: setup-RedHat.yml\n  when: ansible_os_family == \'RedHat\'\n- ansible.builtin.include_tasks: setup-Debian.yml\n  when: ansible_os_family == \'Debian\'\n';
  const DEBIAN = '---\n- name: Install\n  ansible.builtin.apt:\n    name: [nginx, libssl-dev]\n    update_cache: true\n- ansible.builtin.shell: apt-get install -y curl\n';
  const REDHAT = '---\n- name: Install\n  ansible.builtin.dnf:\n    name: nginx\n';
  const of = (r: Awaited<ReturnType<typeof scan>>, file: string) => r.findings.filter((f) => f.file.endsWith(file)).map((f) => f.ruleId).sort();

  it('is left alone, as tasks gated in their own file are, when the includer handles the RPM family', async () => {
    const r = await scan({ root: repo({ 'roles/web/tasks/main.yml': MAIN, 'roles/web/tasks/setup-Debian.yml': DEBIAN, 'roles/web/tasks/setup-RedHat.yml': REDHAT }) });
    expect(of(r, 'setup-Debian.yml')).toEqual([]);
    // The RPM path stays analysed; its gate is reported in main.yml.
    expect(of(r, 'setup-RedHat.yml')).toEqual(['systemd/enable-after-install']);
    expect(of(r, 'main.yml')).toContain('ansible/os-family-gate');
    expect(JSON.stringify(r)).not.toContain('included-only-on-other-distros');
  });

  it('from a subfolder, the role\'s tasks/ folder is looked in too', async () => {
    const main = MAIN.replace('setup-Debian.yml', 'debian/install.yml');
    const r = await scan({ root: repo({ 'roles/web/tasks/main.yml': main, 'roles/web/tasks/debian/install.yml': DEBIAN, 'roles/web/tasks/setup-RedHat.yml': REDHAT }) });
    expect(of(r, 'debian/install.yml')).toEqual([]);
  });

  it('is analysed when the includer handles no RPM-family system, when the file is scanned alone, or included without a gate', async () => {
    const debianOnly = '---\n- ansible.builtin.include_tasks: setup-Debian.yml\n  when: ansible_os_family == \'Debian\'\n';
    const expected = ['ansible/apt-module', 'pkg/renamed', 'pkgmgr/apt'];
    const r1 = await scan({ root: repo({ 'roles/web/tasks/main.yml': debianOnly, 'roles/web/tasks/setup-Debian.yml': DEBIAN }) });
    expect(of(r1, 'setup-Debian.yml')).toEqual(expect.arrayContaining(expected));
    const d = repo({ 'roles/web/tasks/main.yml': MAIN, 'roles/web/tasks/setup-Debian.yml': DEBIAN, 'roles/web/tasks/setup-RedHat.yml': REDHAT });
    expect(of(await scan({ root: d, paths: ['roles/web/tasks/setup-Debian.yml'] }), 'setup-Debian.yml')).toEqual(expect.arrayContaining(expected));
    const ungated = '---\n- ansible.builtin.include_tasks: setup-RedHat.yml\n  when: ansible_os_family == \'RedHat\'\n- ansible.builtin.include_tasks: setup-Debian.yml\n';
    const r3 = await scan({ root: repo({ 'roles/web/tasks/main.yml': ungated, 'roles/web/tasks/setup-Debian.yml': DEBIAN, 'roles/web/tasks/setup-RedHat.yml': REDHAT }) });
    expect(of(r3, 'setup-Debian.yml')).toEqual(expect.arrayContaining(expected));
  });

  describe('by an include keyed on the OS fact (`setup-{{ ansible_os_family }}.yml`)', () => {
    const KEYED = '---\n- name: Setup\n  ansible.builtin.include_tasks: "setup-{{ ansible_os_family }}.yml"\n';
    const expected = ['ansible/apt-module', 'pkg/renamed', 'pkgmgr/apt'];

    it('the files named for other distributions are left alone; the RPM file stays analysed, and the include is reported', async () => {
      const r = await scan({ root: repo({ 'roles/web/tasks/main.yml': KEYED, 'roles/web/tasks/setup-Debian.yml': DEBIAN, 'roles/web/tasks/setup-Suse.yml': DEBIAN, 'roles/web/tasks/setup-RedHat.yml': REDHAT }) });
      expect(of(r, 'setup-Debian.yml')).toEqual([]);
      expect(of(r, 'setup-Suse.yml')).toEqual([]);
      expect(of(r, 'setup-RedHat.yml')).toEqual(['systemd/enable-after-install']);
      expect(of(r, 'main.yml')).toEqual(['ansible/os-family-gate']);
      expect(JSON.stringify(r)).not.toContain('keyed-include');
    });

    it('with `| lower`, a subfolder, from a playbook beside the file, and by ansible_distribution', async () => {
      const lower = KEYED.replace('setup-{{ ansible_os_family }}', 'os/{{ ansible_os_family | lower }}');
      const r1 = await scan({ root: repo({ 'roles/web/tasks/main.yml': lower, 'roles/web/tasks/os/debian.yml': DEBIAN }) });
      expect(of(r1, 'os/debian.yml')).toEqual([]);
      const play = '---\n- hosts: all\n  tasks:\n    - ansible.builtin.include_tasks: "install-{{ ansible_distribution }}.yml"\n';
      const r2 = await scan({ root: repo({ 'site.yml': play, 'install-Ubuntu.yml': DEBIAN }) });
      expect(of(r2, 'install-Ubuntu.yml')).toEqual([]);
    });

    it('is analysed when nothing includes it by that pattern: another prefix, another folder, a longer template, or scanned alone', async () => {
      const d = repo({ 'roles/web/tasks/main.yml': KEYED, 'roles/web/tasks/install-Debian.yml': DEBIAN, 'roles/db/tasks/setup-Debian.yml': DEBIAN });
      const r = await scan({ root: d });
      expect(of(r, 'install-Debian.yml')).toEqual(expect.arrayContaining(expected));
      expect(of(r, 'db/tasks/setup-Debian.yml')).toEqual(expect.arrayContaining(expected));
      const versioned = KEYED.replace('{{ ansible_os_family }}', '{{ ansible_distribution }}-{{ ansible_distribution_major_version }}');
      const r2 = await scan({ root: repo({ 'roles/web/tasks/main.yml': versioned, 'roles/web/tasks/setup-Debian-12.yml': DEBIAN }) });
      expect(of(r2, 'setup-Debian-12.yml')).toEqual(expect.arrayContaining(expected));
      const d3 = repo({ 'roles/web/tasks/main.yml': KEYED, 'roles/web/tasks/setup-Debian.yml': DEBIAN });
      expect(of(await scan({ root: d3, paths: ['roles/web/tasks/setup-Debian.yml'] }), 'setup-Debian.yml')).toEqual(expect.arrayContaining(expected));
    });
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
