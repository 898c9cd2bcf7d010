import { describe, expect, it } from 'vitest';
import { allRules } from '../src/rules/index.js';
import { findingsFor } from './harness/cases.js';
import { analyzePythonFile } from '../src/languages/python/index.js';

/**
 * The platform-risk rules (issue #5) read the shared facts, so one rule fires from every host kind that embeds the
 * same shell: a standalone script, a Dockerfile RUN, cloud-init runcmd, a systemd ExecStart, an Ansible shell task,
 * and Python subprocess calls. Each case names the text the finding must cover.
 */
const HOSTS = {
  shell: (code: string) => ({ name: 'provision.sh', text: `#!/bin/bash\n${code}\n` }),
  dockerfile: (code: string) => ({ name: 'Dockerfile', text: `FROM ubuntu:24.04\nRUN ${code}\n` }),
  cloudinit: (code: string) => ({ name: 'user-data.cloud-init.yaml', text: `#cloud-config\nruncmd:\n  - ${code}\n` }),
  systemd: (code: string) => ({ name: 'setup.service', text: `[Service]\nType=oneshot\nExecStart=/bin/sh -c '${code}'\n` }),
  ansible: (code: string) => ({ name: 'site.ansible.yml', text: `- hosts: all\n  tasks:\n    - name: step\n      ansible.builtin.shell: ${code}\n` }),
  python: (code: string) => ({ name: 'job.py', text: `import os\nos.system("${code}")\n` }),
};
type Host = keyof typeof HOSTS;

async function evidence(ruleId: string, host: Host, code: string): Promise<string[]> {
  const rule = allRules().find((r) => r.meta.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const { name, text } = HOSTS[host](code);
  const findings = await findingsFor(name, text, [rule]);
  return findings.map((f) => text.slice(f.span.start, f.span.end));
}

const FAMILIES: { rule: string; code: string; expect: string; hosts: Host[] }[] = [
  { rule: 'conventions/ca-certificates', code: 'update-ca-certificates', expect: 'update-ca-certificates', hosts: ['shell', 'dockerfile', 'cloudinit', 'systemd', 'ansible', 'python'] },
  { rule: 'selinux/disable', code: 'setenforce 0', expect: 'setenforce 0', hosts: ['shell', 'dockerfile', 'cloudinit', 'systemd', 'ansible', 'python'] },
  { rule: 'crypto/weak-keys', code: 'openssl genrsa -out k.pem 1024', expect: '1024', hosts: ['shell', 'dockerfile', 'cloudinit', 'systemd', 'ansible', 'python'] },
  { rule: 'identity/release-files', code: 'cat /etc/redhat-release', expect: '/etc/redhat-release', hosts: ['shell', 'dockerfile', 'cloudinit', 'systemd', 'ansible', 'python'] },
  { rule: 'repos/epel', code: 'dnf install -y epel-release', expect: 'epel-release', hosts: ['shell', 'dockerfile', 'cloudinit', 'systemd', 'ansible', 'python'] },
  { rule: 'python/unversioned', code: 'python2 tool.py', expect: 'python2', hosts: ['shell', 'dockerfile', 'cloudinit', 'systemd', 'ansible', 'python'] },
  { rule: 'glibc/multiarch-path', code: 'cp libx.so /usr/lib/x86_64-linux-gnu/', expect: '/usr/lib/x86_64-linux-gnu', hosts: ['shell', 'dockerfile', 'cloudinit', 'systemd', 'ansible', 'python'] },
  { rule: 'platform/fips', code: 'fips-mode-setup --enable', expect: 'fips-mode-setup', hosts: ['shell', 'dockerfile', 'cloudinit', 'systemd', 'ansible', 'python'] },
];

describe.each(FAMILIES)('$rule fires from every host kind', ({ rule, code, expect: want, hosts }) => {
  it.each(hosts)('%s', async (host) => {
    expect(await evidence(rule, host, code)).toEqual([want]);
  });
});

describe('negative cases hold in every host kind', () => {
  it.each(['shell', 'dockerfile', 'cloudinit', 'ansible'] as Host[])('echo text and SELinux-positive commands are not reported (%s)', async (host) => {
    expect(await evidence('selinux/disable', host, 'echo setenforce 0')).toEqual([]);
    expect(await evidence('selinux/disable', host, 'setenforce 1')).toEqual([]);
    expect(await evidence('conventions/ca-certificates', host, 'update-ca-trust')).toEqual([]);
  });
});

describe('targets', () => {
  it('platform/immutable-host only reports with --target azure-container-linux', async () => {
    const rule = allRules().find((r) => r.meta.id === 'platform/immutable-host')!;
    const text = '#!/bin/bash\ndnf install -y jq\ncp tool /usr/local/bin/tool\n';
    expect(await findingsFor('node.sh', text, [rule])).toEqual([]);
    const acl = await findingsFor('node.sh', text, [rule], 'azure-container-linux');
    expect(acl.map((f) => [f.line, text.slice(f.span.start, f.span.end), f.blocker])).toEqual([
      [2, 'dnf install', true],
      [3, '/usr/local/bin/tool', true],
    ]);
  });

  it('platform/container-missing-tools reports scripts only for the container target', async () => {
    const rule = allRules().find((r) => r.meta.id === 'platform/container-missing-tools')!;
    const text = '#!/bin/bash\nuseradd -r svc\n';
    expect(await findingsFor('entry.sh', text, [rule])).toEqual([]);
    const c = await findingsFor('entry.sh', text, [rule], 'azurelinux-4.0-container');
    expect(c.map((f) => f.message)).toEqual(['`useradd` is not in the Azure Linux 4.0 core container image; install `shadow-utils` first.']);
  });
});

describe('Python source kind', () => {
  it('records real imports, attributes, the shebang and embedded shell, not strings or comments', async () => {
    const text = '#!/usr/bin/env python\n# import telnetlib\nimport os, distutils.core as dc\nfrom ast import Num\ns = "import cgi"\nos.system("apt-get install -y jq")\nopen("/etc/lsb-release")\n';
    const f = await analyzePythonFile('x.py', text);
    expect(f.kind).toBe('python');
    expect(f.python.imports.map((i) => i.module)).toEqual(['os', 'distutils.core', 'ast']);
    expect(f.python.shebang?.text).toBe('#!/usr/bin/env python');
    expect(f.commands.map((c) => [c.base, text.slice(c.nameWord.span.start, c.nameWord.span.end)])).toEqual([['apt-get', 'apt-get']]);
    expect(f.packages.map((p) => p.name)).toEqual(['jq']);
    expect(f.paths.map((p) => [p.path, p.context])).toEqual([['/etc/lsb-release', 'literal']]);
  });

  it('pairs each call with its own arguments when calls nest, also in the function position', async () => {
    const text = 'import os, subprocess\nrunner(os.system("apt-get update"))(subprocess.run(["dnf", "install", "-y", "jq"]))\nwith open(open("/etc/lsb-release").read().strip()) as f:\n    print(f.name, os.path.join("a", "b"))\n';
    const f = await analyzePythonFile('n.py', text);
    expect(f.commands.map((c) => [c.base, ...c.args.map((a) => a.value)])).toEqual([['apt-get', 'update'], ['dnf', 'install', '-y', 'jq']]);
    expect(f.paths.map((p) => [p.path, p.context])).toEqual([['/etc/lsb-release', 'literal']]);
    expect(f.python.attributes.map((a) => a.text)).toEqual(['os.system', 'subprocess.run', 'f.name', 'os.path.join', 'os.path']);
  });

  it('marks imports inside try/except ImportError and under a version check as guarded', async () => {
    const text = 'import sys\ntry:\n    import imp\nexcept ImportError:\n    imp = None\nif sys.version_info < (3, 12):\n    from distutils import core\n';
    const f = await analyzePythonFile('g.py', text);
    expect(f.python.imports.map((i) => [i.module, i.guarded])).toEqual([['sys', false], ['imp', true], ['distutils', true]]);
  });

  it('a `#!/usr/bin/env python` shebang is reported on the interpreter word', async () => {
    const rule = allRules().find((r) => r.meta.id === 'python/unversioned')!;
    const text = '#!/usr/bin/env python\nprint("hi")\n';
    const fs = await findingsFor('tool.py', text, [rule]);
    expect(fs.map((x) => [x.line, x.column, text.slice(x.span.start, x.span.end)])).toEqual([[1, 16, 'python']]);
    expect(fs[0]!.fix?.edits).toEqual([{ span: { start: 15, end: 21 }, text: 'python3' }]);
  });

  it('python shebang scripts without an extension are the python kind', async () => {
    const { ADAPTERS } = await import('../src/languages/registry.js');
    const kindOf = (head: string) => ADAPTERS.find((a) => a.matchContent?.(head))?.kind;
    expect(kindOf('#!/usr/bin/python3\nimport os\n')).toBe('python');
    expect(kindOf('#!/usr/bin/env python3.11\n')).toBe('python');
    expect(kindOf('#!/bin/bash\n')).toBe('shell');
  });
});

describe('configuration written by scripts is read the same way in every host', () => {
  const body = (indent: string) =>
    [`cat > /etc/nginx/conf.d/app.conf <<'NGINX'`, 'server {', '    listen 8081;', '    # root /opt/old;', '    root /srv/app/public;', '}', 'NGINX', "sed -i 's/^SELINUX=.*/SELINUX=disabled/' /etc/selinux/config"]
      .map((l) => indent + l)
      .join('\n');
  const hosts: [string, string][] = [
    ['provision.sh', `#!/bin/bash\n${body('')}\n`],
    ['user-data.cloud-init.yaml', `#cloud-config\nruncmd:\n  - |\n${body('    ')}\n`],
    ['site.ansible.yml', `- hosts: all\n  tasks:\n    - name: web\n      ansible.builtin.shell: |\n${body('        ')}\n`],
  ];
  it.each(hosts)('%s', async (name, text) => {
    const ids = ['selinux/port-label', 'selinux/web-content-label', 'selinux/disable', 'conventions/firewalld-port'];
    const rules = allRules().filter((r) => ids.includes(r.meta.id));
    const fs = await findingsFor(name, text, rules);
    expect(fs.map((f) => `${f.ruleId} ${text.slice(f.span.start, f.span.end)}`).sort()).toEqual([
      'conventions/firewalld-port 8081',
      'selinux/disable SELINUX=disabled',
      'selinux/port-label 8081',
      'selinux/web-content-label /srv/app/public',
    ]);
  });

  it('a sed that replaces SELINUX=disabled by enforcing is SELinux-positive', async () => {
    const rule = allRules().find((r) => r.meta.id === 'selinux/disable')!;
    const text = "#!/bin/sh\nsed -i -e 's/^SELINUX=disabled$/SELINUX=enforcing/' /etc/selinux/config\n";
    expect(await findingsFor('x.sh', text, [rule])).toEqual([]);
  });

  it('CRLF files give the same spans', async () => {
    const rule = allRules().find((r) => r.meta.id === 'crypto/legacy-tls')!;
    const text = "#!/bin/sh\r\ncat > /etc/nginx/conf.d/s.conf <<'EOF'\r\nssl_protocols TLSv1.1 TLSv1.2;\r\nEOF\r\n";
    const fs = await findingsFor('x.sh', text, [rule]);
    expect(fs.map((f) => text.slice(f.span.start, f.span.end))).toEqual(['TLSv1.1']);
  });
});

describe('systemd/enable-after-install names the Azure Linux 4.0 unit', () => {
  it.each([
    ['apache2', 'httpd.service'],
    ['mariadb-server', 'mariadb.service'],
    ['default-mysql-server', 'mariadb.service'],
    ['mysql-server', 'mysqld.service'],
  ])('%s -> %s', async (pkg, unit) => {
    const rule = allRules().find((r) => r.meta.id === 'systemd/enable-after-install')!;
    const findings = await findingsFor('provision.sh', `#!/bin/bash\napt-get install -y ${pkg}\n`, [rule]);
    expect(findings.map((f) => f.message)).toEqual([`\`${pkg}\` is installed but \`${unit}\` is never enabled, in this file or another of the scan; on Azure Linux 4.0 it stays stopped after install and after reboot.`]);
  });
});

describe('platform/container-missing-tools: BusyBox adduser', () => {
  const rule = allRules().find((r) => r.meta.id === 'platform/container-missing-tools')!;
  it('says to rewrite BusyBox options with useradd, and only to install shadow-utils for a plain adduser', async () => {
    const text = 'FROM alpine:3.20\nRUN adduser -u 70 -S -D -G postgres -H postgres\nRUN adduser app\n';
    const f = await findingsFor('Dockerfile', text, [rule]);
    expect(f.map((x) => x.line)).toEqual([2, 3]);
    expect(f[0]!.message).toContain("BusyBox's options");
    expect(f[0]!.action).toContain('useradd -r -M -g grp user');
    expect(f[1]!.message).toBe('`adduser` is not in the Azure Linux 4.0 core container image; install `shadow-utils` first.');
  });
});

describe('selinux/bind-mount-label: templated volumes', () => {
  const rule = allRules().find((r) => r.meta.id === 'selinux/bind-mount-label')!;
  it('shows the volume as written, not the masked template', async () => {
    const text = '---\n- hosts: localhost\n  tasks:\n    - ansible.builtin.command: >\n        docker run\n        --volume {{ playbook_dir }}/waivers.yaml:/waivers.yaml\n        docker.io/cincproject/auditor exec\n';
    const [f] = await findingsFor('cases.ansible.yml', text, [rule]);
    expect(f!.message).toBe('The bind mount `{{ playbook_dir }}/waivers.yaml:/waivers.yaml` has no `:z`/`:Z`: under SELinux the container cannot read or write `{{ playbook_dir }}/waivers.yaml` (Permission denied).');
    expect(f!.action).toContain('`{{ playbook_dir }}/waivers.yaml:/waivers.yaml:z`');
    expect(f!.message + f!.action).not.toContain('$__');
  });
});

describe('conventions/debian-user-tools: BusyBox addgroup', () => {
  const rule = allRules().find((r) => r.meta.id === 'conventions/debian-user-tools')!;
  it('names BusyBox as well as Debian, and maps -S to -r', async () => {
    const [f] = await findingsFor('setup.sh', '#!/bin/sh\naddgroup -S -g 70 postgres\n', [rule]);
    expect(f!.message).toBe("`addgroup` (Debian's adduser package, or BusyBox in Alpine) does not exist on Azure Linux 4.0.");
    expect(f!.action).toBe("Use `groupadd` (BusyBox's `-S` becomes `-r`; `-g GID` is the same).");
    const [g] = await findingsFor('setup.sh', '#!/bin/sh\naddgroup --system app\n', [rule]);
    expect(g!.action).toBe('Use `groupadd` (`--system` becomes `-r`).');
  });
});
