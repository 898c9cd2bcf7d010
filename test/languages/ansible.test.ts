import { describe, expect, it } from 'vitest';
import { analyzeAnsibleFile, normalizeModule } from '../../src/languages/ansible/index.js';
import { evalWhen } from '../../src/languages/ansible/when.js';
import { ADAPTERS } from '../../src/languages/registry.js';
import { classifyByName } from '../../src/discovery.js';
import { findingsFor } from '../harness/cases.js';
import { findRule } from '../../src/rules/index.js';
import { WORLDS } from '../../src/languages/shell/worlds.js';

const at = (text: string, f: { line: number; column: number; endLine: number; endColumn: number }) =>
  f.line === f.endLine ? text.split('\n')[f.line - 1]!.slice(f.column - 1, f.endColumn - 1) : '(multi-line)';

describe('Ansible adapter', () => {
  const text = [
    '- hosts: all', //1
    '  tasks:', //2
    '    - name: block scalar', //3
    '      ansible.builtin.shell: |', //4
    '        set -e', //5
    '        apt-get update', //6
    '        echo "{{ greeting }}" && apt-get install -y {{ pkgs }} curl', //7
    '    - name: folded', //8
    '      shell: >', //9
    '        apt-get install', //10
    '        -y jq', //11
    '    - name: double-quoted with escapes', //12
    '      command: "sh -c \\"apt-get install -y git\\""', //13
    '    - name: single-quoted', //14
    "      ansible.builtin.command: 'apt install -y make'", //15
    '    - name: cmd key', //16
    '      ansible.builtin.shell:', //17
    '        cmd: apt-get purge -y vim chdir=/tmp', //18
    '    - name: free-form with options', //19
    '      shell: apt-get autoremove chdir=/srv creates=/x', //20
    '    - name: argv', //21
    '      command:', //22
    '        argv: [apt-get, install, -y, zip]', //23
    '',
  ].join('\n');

  it('turns shell/command/raw arguments into embedded shell at exact host positions', async () => {
    const fs = await findingsFor('site.yml', text, [findRule('pkgmgr/apt')]);
    expect(fs.map((f) => [f.line, f.column, at(text, f)])).toEqual([
      [6, 9, 'apt-get update'],
      [7, 34, 'apt-get install'],
      [10, 9, 'apt-get install'],
      [13, 25, 'apt-get install'],
      [15, 33, 'apt install'],
      [18, 14, 'apt-get purge'],
      [20, 14, 'apt-get autoremove'],
      [23, 16, 'apt-get, install'],
    ]);
  });

  it('masks Jinja so templated words are not package names', async () => {
    const f = await analyzeAnsibleFile('site.yml', text);
    const names = f.packages.filter((p) => p.manager === 'apt-get' && p.span.start < text.indexOf('folded')).map((p) => p.raw);
    expect(names).toEqual(['curl']);
  });

  it('normalises module names and free-form arguments', async () => {
    expect(normalizeModule('apt')).toBe('ansible.builtin.apt');
    expect(normalizeModule('ansible.legacy.dnf')).toBe('ansible.builtin.dnf');
    expect(normalizeModule('ufw')).toBe('community.general.ufw');
    expect(normalizeModule('selinux')).toBe('ansible.posix.selinux');
    const t = ['- name: x', '  apt: name=nginx state=present', '- action: apt name="git curl"', '- name: loop', '  package:', '    name: "{{ item }}"', '  loop: [htop, tmux]', ''].join('\n');
    const f = await analyzeAnsibleFile('roles/web/tasks/main.yml', t);
    expect(f.ansible.tasks.map((x) => [x.module, x.moduleRaw, x.args.get('name')?.value])).toEqual([
      ['ansible.builtin.apt', 'apt', 'nginx'],
      ['ansible.builtin.apt', 'apt', 'git curl'],
      ['ansible.builtin.package', 'package', '{{ item }}'],
    ]);
    expect(f.packages.map((p) => [p.name, p.origin, t.slice(p.span.start, p.span.end)])).toEqual([
      ['nginx', 'debian', 'nginx'],
      ['git', 'debian', 'git'],
      ['curl', 'debian', 'curl'],
      ['htop', 'debian', 'htop'],
      ['tmux', 'debian', 'tmux'],
    ]);
  });

  it('evaluates when: per world (Azure Linux is not RedHat to ansible-core)', () => {
    const w = (e: string) => Object.fromEntries(WORLDS.map((x, i) => [x.name, evalWhen(e).v[i]]));
    expect(w("ansible_os_family == 'RedHat'")).toEqual({ ubuntu: 0, debian: 0, alpine: 0, centos: 1, fedora: 1, 'azurelinux-4.0': 0 });
    expect(w("ansible_facts['os_family'] == 'Debian'")).toEqual({ ubuntu: 1, debian: 1, alpine: 0, centos: 0, fedora: 0, 'azurelinux-4.0': 0 });
    expect(w('ansible_distribution_major_version | int >= 8')['azurelinux-4.0']).toBe(0);
    expect(w("ansible_pkg_mgr == 'dnf5'")['azurelinux-4.0']).toBe(2);
    expect(evalWhen('my_flag | bool').distro).toBe(false);
  });

  it('gives the same evaluation of an expression however many others were evaluated between (results are kept, bounded)', () => {
    const redhat = "ansible_os_family == 'RedHat'";
    const before = evalWhen(redhat);
    expect(evalWhen(redhat)).toBe(before);
    // More distinct expressions than are kept: the cache is cleared on the way, and evaluation is unchanged.
    for (let i = 0; i < 5000; i++) evalWhen(`ansible_distribution_major_version | int >= ${i}`);
    expect(evalWhen(redhat)).toEqual(before);
    expect(evalWhen('ansible_distribution_major_version | int >= 4999').v).toEqual(evalWhen('ansible_distribution_major_version | int >= 5000').v);
  });

  it('compares a fact with a quoted literal as strings, as Jinja does, and numerically with | int', () => {
    const w = (e: string) => Object.fromEntries(WORLDS.map((x, i) => [x.name, evalWhen(e).v[i]]));
    // '43' < '8' and '4' < '8' as strings; 43 < 8 is false as numbers.
    expect(w("ansible_distribution_major_version < '8'")).toMatchObject({ fedora: 1, centos: 0, 'azurelinux-4.0': 1 });
    expect(w("'8' > ansible_distribution_major_version")).toMatchObject({ fedora: 1, centos: 0, 'azurelinux-4.0': 1 });
    expect(w("ansible_distribution_major_version | int < 8")).toMatchObject({ fedora: 0, centos: 0, 'azurelinux-4.0': 1 });
  });

  it('does not report shell in Debian-gated tasks when a RedHat branch exists, but does otherwise', async () => {
    const gated = ['- name: deb', '  shell: apt-get install -y nginx', "  when: ansible_os_family == 'Debian'", '- name: rpm', '  shell: dnf install -y nginx', "  when: ansible_os_family == 'RedHat'", ''].join('\n');
    expect(await findingsFor('tasks/main.yml', gated, [findRule('pkgmgr/apt')])).toEqual([]);
    const f = await analyzeAnsibleFile('tasks/main.yml', gated.replace('shell: dnf install -y nginx', 'ansible.builtin.dnf: name=nginx'));
    // The Debian branch's module packages are dropped (its shell packages carry gated commands, which the engine
    // skips); the RedHat branch's stay: they are what Azure Linux should get once its gate is fixed.
    expect(f.packages.filter((p) => !p.command).map((p) => [p.name, p.origin, p.manager])).toEqual([['nginx', 'el', 'ansible.builtin.dnf']]);
    const alone = gated.split('\n').slice(0, 3).join('\n') + '\n';
    expect((await findingsFor('tasks/main.yml', alone, [findRule('pkgmgr/apt')])).map((f) => f.line)).toEqual([2]);
  });

  it('scans copy content that writes a unit as a unit', async () => {
    const t = ['- name: unit', '  ansible.builtin.copy:', '    dest: /etc/systemd/system/app.service', '    content: |', '      [Service]', '      User=www-data', '      ExecStart=/home/app/bin/server', ''].join('\n');
    const fs = await findingsFor('tasks/main.yml', t, [findRule('systemd/debian-account'), findRule('systemd/exec-path-selinux')]);
    expect(fs.map((f) => [f.ruleId, f.line, f.column, at(t, f)])).toEqual([
      ['systemd/debian-account', 6, 12, 'www-data'],
      ['systemd/exec-path-selinux', 7, 17, '/home/app/bin/server'],
    ]);
  });

  it('gives parse notes for invalid YAML with positions and keeps partial results', async () => {
    const bad = ['- name: ok', '  apt: name=curl', '- name: broken', '  shell: "unterminated', '  when: x', ''].join('\n');
    const f = await analyzeAnsibleFile('tasks/main.yml', bad);
    expect(f.notes.some((n) => n.kind === 'parse' && (n.line ?? 0) >= 4)).toBe(true);
    expect(f.ansible.tasks[0]!.module).toBe('ansible.builtin.apt');
  });

  it('bounds alias bombs and deep nesting', async () => {
    const lines = ['- hosts: all', '  vars:', '    a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 40; i++) lines.push(`    a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    lines.push('  tasks:', '    - apt: name=curl', '');
    const t0 = performance.now();
    const f = await analyzeAnsibleFile('site.yml', lines.join('\n'));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(f.ansible.tasks.length).toBe(1);
    const deep = '- hosts: all\n  vars:\n    x: ' + '['.repeat(3000) + ']'.repeat(3000) + '\n  tasks:\n    - apt: name=git\n';
    const g = await analyzeAnsibleFile('site.yml', deep);
    expect(g.kind).toBe('ansible');
  });

  it('detects Ansible by path and content, and leaves other YAML alone', () => {
    expect(classifyByName('roles/web/tasks/main.yml')).toBe('ansible');
    expect(classifyByName('roles/web/handlers/main.yaml')).toBe('ansible');
    expect(classifyByName('inventory/group_vars/all')).toBe('ansible');
    expect(classifyByName('inventory/host_vars/web1.yml')).toBe('ansible');
    expect(classifyByName('site.yml')).toBe('ansible');
    expect(classifyByName('docker-compose.yml')).not.toBe('ansible');
    expect(classifyByName('.github/workflows/tasks/ci.yml')).toBeUndefined();
    const a = ADAPTERS.find((x) => x.kind === 'ansible')!;
    expect(a.matchContent!('---\n- hosts: web\n  become: true\n')).toBe(true);
    expect(a.matchContent!('- name: install\n  ansible.builtin.dnf:\n    name: x\n')).toBe(true);
    expect(a.matchContent!('version: "3"\nservices:\n  web:\n')).toBe(false);
    expect(a.matchContent!('- name: item\n  value: 3\n')).toBe(false);
    expect(a.matchContent!('apiVersion: v1\nkind: Pod\n')).toBe(false);
  });

  it('keeps exact positions in CRLF files', async () => {
    const t = ['- name: crlf', '  shell: |', '    echo one', '    apt-get update', '- name: unit', '  copy:', '    dest: /etc/systemd/system/a.service', '    content: |', '      [Service]', '      User=www-data', ''].join('\r\n');
    const fs = await findingsFor('tasks/main.yml', t, [findRule('pkgmgr/apt'), findRule('systemd/debian-account')]);
    expect(fs.map((f) => [f.ruleId, f.line, f.column, t.slice(f.span.start, f.span.end)])).toEqual([
      ['pkgmgr/apt', 4, 5, 'apt-get update'],
      ['systemd/debian-account', 10, 12, 'www-data'],
    ]);
  });
});

describe('the command module runs no shell', () => {
  it('reads shell operators in its line as literal characters of one command', async () => {
    const t = [
      '- name: fix ownership',
      '  ansible.builtin.command: "find /var/lib/ceph -not -( -user 167 -or -group 167 -) -execdir chown 167:167 {} +"',
      '- name: not a pipeline',
      "  ansible.builtin.command: apt-get install -y \"$(cat pkgs)\" 'a|b' > /tmp/log",
      '- name: a shell task is a shell',
      '  ansible.builtin.shell: apt-get update && apt-get install -y jq | tee /tmp/log',
      '',
    ].join('\n');
    const f = await analyzeAnsibleFile('roles/ceph/tasks/main.yml', t);
    expect(f.notes).toEqual([]);
    // find's -execdir runs chown (a command of its own).
    expect(f.commands.map((c) => c.name)).toEqual(['find', 'chown', 'apt-get', 'apt-get', 'apt-get', 'tee']);
    // No command substitution runs: `cat` is not a command; the redirection is a word.
    const second = f.commands[2]!;
    expect(second.args.map((a) => t.slice(a.span.start, a.span.end))).toEqual(['install', '-y', '"$(cat pkgs)"', "'a|b'", '>', '/tmp/log']);
    expect(second.redirects).toEqual([]);
  });

  it('keeps $VAR an expansion and masks Jinja after the operators', async () => {
    const { literalArgv } = await import('../../src/languages/ansible/index.js');
    expect(literalArgv(`ls $HOME; echo "\`id\`" '$(x)' \\;`)).toBe(`ls $HOME_ echo "_id_" '$(x)' \\;`);
    const f = await analyzeAnsibleFile('roles/x/tasks/main.yml', '- ansible.builtin.command: apt-get install -y {{ pkgs | join(" ") }}\n');
    expect(f.packages.map((p) => p.name)).toEqual([]);
    expect(f.commands.map((c) => c.name)).toEqual(['apt-get']);
  });
});
