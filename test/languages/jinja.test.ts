import { describe, expect, it } from 'vitest';
import { maskJinja } from '../../src/languages/systemd/embed.js';
import { analyzeAnsibleFile } from '../../src/languages/ansible/index.js';
import { analyzeShellFile } from '../../src/languages/shell/index.js';
import { analyzeCloudConfig } from '../../src/languages/cloudinit/index.js';
import { analyzeSystemdFile } from '../../src/languages/systemd/index.js';
import { MAX_YAML_PROBLEMS } from '../../src/languages/ansible/yaml.js';
import { runRules } from '../../src/core/engine.js';
import { loadTarget } from '../../src/knowledge/target.js';
import { allRules } from '../../src/rules/index.js';

describe('Jinja masking', () => {
  it('ends an expression at the first closing braces outside a string literal', () => {
    const t = `docker ps --format='{{ '{{ .Image }}' }}' --filter="name={{ n | replace("}}", "") }}"`;
    const m = maskJinja(t);
    expect(m).toHaveLength(t.length);
    // Both expressions are masked whole: no brace or quote of theirs is left for the shell to read.
    expect(m).toBe(`docker ps --format='$${'_'.repeat(`{{ '{{ .Image }}' }}`.length - 1)}' --filter="name=$${'_'.repeat(`{{ n | replace("}}", "") }}`.length - 1)}"`);
  });

  it('falls back to the first closing braces when a quote inside is left open, and leaves unclosed tags alone', () => {
    expect(maskJinja(`a {{ it's }} b`)).toBe(`a $_________ b`);
    expect(maskJinja('echo {{ x')).toBe('echo {{ x');
    expect(maskJinja('echo {{ x\n{% if y %}\nls\n')).toBe('echo {{ x\n          \nls\n');
    expect(maskJinja('f() { echo; }; {{x}}')).toBe('f() { echo; }; $____');
  });

  it('keeps a backslash-continued command together across {% %} lines (trim_blocks)', () => {
    const t = ['docker run \\', '  -v a:b \\', '{% if limit is defined %}', '  --memory={{ limit }} \\', '{% endif %}', '{% if cpus is defined %}', '  --cpus=2 \\', '{% endif %}', '  image', '{% if x %}', 'echo done', '{% endif %}', ''].join('\n');
    const lines = maskJinja(t).split('\n');
    expect(maskJinja(t)).toHaveLength(t.length);
    expect(lines[2]).toBe(' '.repeat(24) + '\\');
    expect(lines[4]).toBe(' '.repeat(10) + '\\');
    // Right after a tag line made a continuation, the next tag line continues the command too.
    expect(lines[5]).toBe(' '.repeat(23) + '\\');
    expect(lines[7]).toBe(' '.repeat(10) + '\\');
    // Not inside a continued command: blanked only.
    expect(lines[9]).toBe(' '.repeat(10));
    expect(lines[11]).toBe(' '.repeat(11));
    // YAML has no continuations and keeps its `{{ }}` values.
    expect(maskJinja(t, 'statements').split('\n').slice(2, 4)).toEqual([' '.repeat(25), '  --memory={{ limit }} \\']);
  });
});

describe('Jinja in Ansible shell tasks and script templates', () => {
  it('reads a shell task whose Jinja expression holds a quoted `{{ }}` without a syntax error', async () => {
    const t = ['- name: image', `  shell: "{{ docker_bin_dir }}/docker ps --filter='name={{ etcd_member_name }}' --format='{{ '{{ .Image }}' }}'"`, '  register: img', '- name: deps', "  shell: apt-get install -y --format='{{ '{{ x }}' }}' curl", ''].join('\n');
    const f = await analyzeAnsibleFile('roles/etcd/tasks/main.yml', t);
    expect(f.notes).toEqual([]);
    expect(f.commands.map((c) => c.name)).toEqual(['', 'apt-get']);
    expect(f.packages.map((p) => p.name)).toEqual(['curl']);
  });

  it('analyses a .j2 script template with its Jinja masked, findings on the template lines', async () => {
    const t = ['#!/bin/bash', '# {{ ansible_managed }}', '{{ bin_dir }}/docker run \\', '{% if mem is defined %}', '  --memory={{ mem }} \\', '{% endif %}', '  image', "{% for p in ['curl', 'jq'] %}", 'apt-get install -y {{ p }}', '{% endfor %}', 'apt-get install -y unzip', ''].join('\n');
    const f = await analyzeShellFile('roles/x/templates/setup.sh.j2', t);
    expect(f.notes).toEqual([]);
    expect(f.commands.map((c) => [c.name, f.source.position(c.span.start).line])).toEqual([
      ['', 3],
      ['apt-get', 9],
      ['apt-get', 11],
    ]);
    // The templated package is not a package name; the literal one is.
    expect(f.packages.map((p) => p.name)).toEqual(['unzip']);
    const ids = runRules(f, { rules: allRules(), target: loadTarget('azurelinux-4.0') }).map((x) => `${x.ruleId}:${x.line}`);
    expect(ids).toContain('pkgmgr/apt:9');
    expect(ids).toContain('pkgmgr/apt:11');
  });

  it('does not mask `{{ }}` in a script that is not a template (docker format strings are shell text)', async () => {
    const t = ['#!/bin/sh', "docker inspect -f '{{.State.Running}}' web", ''].join('\n');
    const f = await analyzeShellFile('scripts/check.sh', t);
    expect(f.commands[0]!.args.map((w) => w.value)).toEqual(['inspect', '-f', '{{.State.Running}}', 'web']);
  });
});

describe('Jinja templates of unit files and cloud-config', () => {
  it('reads a unit template whose continued ExecStart= has {% if %} lines as one directive', async () => {
    const t = ['[Service]', 'ExecStart={{ bin_dir }}/dockerd \\', '{% if suse %}', '          --add-runtime oci=/usr/sbin/docker-runc \\', '{% endif %}', '          $DOCKER_OPTS', 'Restart=on-failure', ''].join('\n');
    const f = await analyzeSystemdFile('roles/docker/templates/docker.service.j2', t);
    expect(f.notes).toEqual([]);
    const exec = f.units![0]!.directives.find((d) => d.key === 'ExecStart')!;
    expect(exec.value.replace(/\s+/g, ' ')).toBe(`$${'_'.repeat('{{ bin_dir }}'.length - 1)}/dockerd --add-runtime oci=/usr/sbin/docker-runc $DOCKER_OPTS`);
  });

  it('reads a unit holding a template expression as a template whatever its name', async () => {
    const t = ['[Unit]', 'Description=x', '[Service]', 'Type=oneshot', 'ExecStart={{GetScriptPath}}', 'ExecStartPost=/usr/bin/apt-get install -y {{ .Pkg }}', '[Install]', 'WantedBy=multi-user.target', ''].join('\n');
    const f = await analyzeSystemdFile('parts/dhcpv6.service', t);
    expect(f.notes).toEqual([]);
    // The expressions are not static words: no command name for the first, no package name in the second.
    expect(f.commands.map((c) => [c.name, f.source.position(c.span.start).line])).toEqual([['', 5], ['/usr/bin/apt-get', 6]]);
    expect(f.packages.map((p) => p.name)).toEqual([]);
  });

  it('parses a cloud-config template with {% %} lines between its entries, finding the commands of its branches', async () => {
    const t = ['#cloud-config', 'packages:', '{% for p in pkgs %}', '  - "{{ p }}"', '{% endfor %}', 'runcmd:', '{% if docker %}', '  - apt-get install -y docker.io', '{% else %}', '  - [systemctl, enable, --now, podman.socket]', '{% endif %}', ''].join('\n');
    const f = await analyzeCloudConfig('templates/user-data.j2', t);
    expect(f.notes).toEqual([]);
    expect(f.commands.map((c) => [c.name, f.source.position(c.span.start).line])).toEqual([['apt-get', 8], ['systemctl', 10]]);
    // The same text named as a plain YAML file is read as written: the tag lines break it.
    expect((await analyzeCloudConfig('user-data.yaml', t)).notes.length).toBeGreaterThan(0);
  });
});

describe('YAML templates', () => {
  it('lists the first YAML errors of a template and counts the rest in one note', async () => {
    const t = ['#cloud-config', 'packages:', '%{ for p in pkgs ~}', '  - ${p}', '%{ endfor ~}', 'runcmd:', '%{ if docker ~}', '  - apt-get install -y docker.io', '%{ endif ~}', 'write_files:', '%{ for f in files ~}', '  - path: ${f}', '%{ endfor ~}', ''].join('\n');
    const f = await analyzeCloudConfig('modules/vm/templates/cloud-init.tmpl', t);
    const yamlNotes = f.notes.filter((n) => n.message.startsWith('YAML'));
    expect(yamlNotes).toHaveLength(MAX_YAML_PROBLEMS);
    expect(yamlNotes[0]!.line).toBe(3);
    expect(yamlNotes.at(-1)!.message).toMatch(/^YAML: \d+ more errors from this line on \(template syntax such as \{% %\}, \{\{ \}\} or %\{ \} is not YAML until it is rendered\); the file was analysed as far as possible$/);
    expect(yamlNotes.map((n) => n.line)).toEqual([...yamlNotes.map((n) => n.line)].sort((a, b) => a! - b!));
  });

  it('lists every error of a file with few, with no template hint when there is no template syntax', async () => {
    const t = ['- name: a', '  apt: name=curl', ' - name: b', '  apt: name=jq', ''].join('\n');
    const f = await analyzeAnsibleFile('roles/x/tasks/main.yml', t);
    expect(f.notes.length).toBeGreaterThan(0);
    expect(f.notes.length).toBeLessThanOrEqual(MAX_YAML_PROBLEMS);
    expect(f.notes.some((n) => /more errors|template/.test(n.message))).toBe(false);
  });
});
