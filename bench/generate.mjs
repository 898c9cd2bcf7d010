#!/usr/bin/env node
// Deterministic generator of a large mixed repository for benchmarks: Dockerfiles, shell scripts, Ansible
// roles, systemd units, cloud-init, Terraform and Python, with realistic sizes and the constructs the rules
// look at (package installs, distro switches, heredocs, continuations), mixed with ordinary code.
//
//   node bench/generate.mjs <files> <out-dir>
//
// The same <files> always gives byte-identical output (seeded PRNG).
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, deterministic. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEB = ['curl', 'ca-certificates', 'git', 'jq', 'unzip', 'libssl-dev', 'build-essential', 'python3-pip', 'libpq-dev', 'zlib1g-dev', 'gnupg', 'wget', 'vim', 'procps', 'netcat', 'dnsutils', 'iputils-ping', 'tzdata', 'locales', 'nginx', 'openjdk-17-jdk', 'libffi-dev', 'pkg-config', 'software-properties-common'];
const APK = ['curl', 'bash', 'git', 'build-base', 'musl-dev', 'py3-pip', 'openssl-dev', 'jq', 'tzdata'];
const RPM = ['curl', 'git', 'jq', 'gcc', 'make', 'openssl-devel', 'python3-pip', 'tar', 'procps-ng', 'shadow-utils'];
const IMAGES = ['ubuntu:22.04', 'debian:12-slim', 'alpine:3.20', 'python:3.11-slim', 'node:20-bookworm', 'mcr.microsoft.com/azurelinux/base/core:3.0', 'mcr.microsoft.com/azurelinux-beta/base/core:4.0', 'rockylinux:9'];

export function generate(total, out) {
  const r = rng(0x5eed + total);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const some = (xs, n) => Array.from({ length: n }, () => pick(xs)).filter((v, i, a) => a.indexOf(v) === i);
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  rmSync(out, { recursive: true, force: true });
  const files = [];
  const write = (rel, text) => {
    const p = join(out, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
    files.push(rel);
  };

  const filler = (n, c = '#') => Array.from({ length: n }, (_, i) => `${c} step ${i}: ${pick(['prepare the workspace', 'configure the service', 'check the environment', 'log progress'])}`).join('\n');

  const dockerfile = () => {
    const img = pick(IMAGES);
    const apt = img.startsWith('ubuntu') || img.startsWith('debian') || img.startsWith('python') || img.startsWith('node');
    const apk = img.startsWith('alpine');
    const pk = apt ? some(DEB, int(3, 8)) : apk ? some(APK, int(2, 6)) : some(RPM, int(2, 6));
    const install = apt
      ? `RUN apt-get update && \\\n    apt-get install -y --no-install-recommends \\\n${pk.map((p) => `        ${p}`).join(' \\\n')} && \\\n    rm -rf /var/lib/apt/lists/*`
      : apk
        ? `RUN apk add --no-cache ${pk.join(' ')}`
        : `RUN ${img.includes('azurelinux/base') ? 'tdnf' : 'dnf'} install -y ${pk.join(' ')} && ${img.includes('azurelinux/base') ? 'tdnf' : 'dnf'} clean all`;
    return `# syntax=docker/dockerfile:1\nARG BASE=${img}\nFROM \${BASE} AS build\nWORKDIR /src\n${install}\nCOPY . .\nRUN <<EOF\nset -e\nmake build\n${apt ? 'apt-get install -y make' : 'echo built'}\nEOF\n\nFROM ${img}\nCOPY --from=build /src/out /app\n${filler(int(2, 10))}\nENV APP_HOME=/app PORT=8080\nEXPOSE 8080\nUSER 1000\nCMD ["/app/server"]\n`;
  };

  const shell = () => {
    const lines = ['#!/usr/bin/env bash', 'set -euo pipefail', '', '. /etc/os-release', ''];
    const blocks = int(3, 14);
    for (let b = 0; b < blocks; b++) {
      const k = r();
      if (k < 0.25) {
        lines.push('install_deps() {', '  case "$ID" in', `    ubuntu|debian) apt-get update && apt-get install -y ${some(DEB, 3).join(' ')} ;;`, `    ${pick(['fedora|azurelinux', 'rhel|centos|rocky', 'centos'])}) dnf install -y ${some(RPM, 3).join(' ')} ;;`, '    *) echo "unsupported: $ID" >&2; exit 1 ;;', '  esac', '}', '');
      } else if (k < 0.4) {
        lines.push(`if [ -f /etc/debian_version ]; then`, `  sudo apt-get install -y ${some(DEB, 2).join(' ')}`, `elif command -v dnf >/dev/null 2>&1; then`, `  sudo dnf install -y ${some(RPM, 2).join(' ')}`, 'fi', '');
      } else if (k < 0.55) {
        lines.push(`for f in ${some(['a', 'b', 'c', 'd'], 3).join(' ')}; do`, '  if [[ -s "/var/lib/app/$f" ]]; then', '    cp "/var/lib/app/$f" "/backup/$f.$(date +%s)"', '  fi', 'done', '');
      } else if (k < 0.7) {
        lines.push(`cat > /etc/app/config.ini <<'CONF'`, '[server]', `port = ${int(1000, 9000)}`, 'log = /var/log/app.log', 'CONF', '');
      } else if (k < 0.8) {
        lines.push(`systemctl ${pick(['enable --now', 'restart', 'reload'])} ${pick(['nginx', 'app', 'redis'])}`, `echo "apt-get install is not used here"`, '');
      } else {
        lines.push(filler(int(3, 20)), `log() { printf '%s %s\\n' "$(date -Is)" "$*"; }`, `log "step ${b} done"`, '');
      }
    }
    return lines.join('\n') + '\n';
  };

  const ansibleTasks = () =>
    `---\n- name: Install packages\n  ansible.builtin.apt:\n    name:\n${some(DEB, int(2, 6)).map((p) => `      - ${p}`).join('\n')}\n    state: present\n    update_cache: true\n  when: ansible_os_family == 'Debian'\n\n- name: Install on RedHat\n  ansible.builtin.dnf:\n    name: [${some(RPM, 3).join(', ')}]\n  when: ansible_os_family == 'RedHat'\n\n- name: Prepare\n  ansible.builtin.shell: |\n    set -e\n    mkdir -p {{ app_root }}\n    apt-get install -y ${pick(DEB)}\n  args:\n    creates: "{{ app_root }}/.done"\n\n- name: Template config\n  ansible.builtin.template:\n    src: app.conf.j2\n    dest: /etc/app/app.conf\n    mode: "0644"\n  notify: restart app\n`;

  const unit = (name) =>
    `[Unit]\nDescription=${name} service\nAfter=network-online.target\nWants=network-online.target\n\n[Service]\nType=${pick(['simple', 'notify', 'forking'])}\nUser=${pick(['www-data', 'app', 'nobody'])}\nEnvironmentFile=-/etc/default/${name}\nExecStart=/usr/local/bin/${name} --port ${int(1000, 9000)}\nPIDFile=/var/run/${name}.pid\nRestart=on-failure\n\n[Install]\nWantedBy=multi-user.target\n`;

  const cloudInit = () =>
    `#cloud-config\npackage_update: true\npackages:\n${some(DEB, int(2, 6)).map((p) => `  - ${p}`).join('\n')}\nruncmd:\n  - [ systemctl, enable, --now, nginx ]\n  - apt-get install -y ${pick(DEB)}\n  - |\n    ufw allow ${int(80, 9000)}/tcp\nwrite_files:\n  - path: /etc/app/env\n    content: |\n      PORT=${int(1000, 9000)}\n`;

  const terraform = (i) =>
    `resource "azurerm_linux_virtual_machine" "vm${i}" {\n  name                = "vm-${i}"\n  resource_group_name = var.rg\n  location            = var.location\n  size                = "Standard_D2s_v5"\n  admin_username      = "azureuser"\n\n  source_image_reference {\n    publisher = "${pick(['Canonical', 'RedHat', 'microsoftazurelinux'])}"\n    offer     = "${pick(['0001-com-ubuntu-server-jammy', 'RHEL', 'azurelinux-4'])}"\n    sku       = "${pick(['22_04-lts-gen2', '9-lvm-gen2', '4'])}"\n    version   = "latest"\n  }\n\n  os_disk {\n    caching              = "ReadWrite"\n    storage_account_type = "Premium_LRS"\n  }\n\n  custom_data = base64encode(<<-EOT\n    #cloud-config\n    packages: [${some(DEB, 2).join(', ')}]\n  EOT\n  )\n}\n`;

  const python = () => {
    const imports = some(['os', 'sys', 'json', 'subprocess', 'distutils.core', 'imp', 'ssl', 'pathlib', 'logging', 'cgi', 'asyncore', 'telnetlib'], int(3, 7));
    const body = Array.from({ length: int(5, 40) }, (_, i) => `def task_${i}(x):\n    """Run step ${i}: not 'import imp' in a string."""\n    return [v * ${i} for v in x if v]\n`).join('\n');
    return `#!/usr/bin/env python3\n${imports.map((m) => `import ${m}`).join('\n')}\n\n${body}\nif __name__ == "__main__":\n    subprocess.run(["apt-get", "install", "-y", "${pick(DEB)}"], check=True)\n`;
  };

  let i = 0;
  while (files.length < total) {
    const proj = `project-${Math.floor(i / 40)}`;
    const k = r();
    if (k < 0.1) write(`${proj}/docker/Dockerfile.${i}`, dockerfile());
    else if (k < 0.45) write(`${proj}/scripts/script-${i}.sh`, shell());
    else if (k < 0.7) {
      const role = `${proj}/ansible/roles/role${i}`;
      write(`${role}/tasks/main.yml`, ansibleTasks());
      if (files.length < total) write(`${role}/handlers/main.yml`, `---\n- name: restart app\n  ansible.builtin.service:\n    name: ${pick(['apache2', 'nginx', 'cron', 'ssh'])}\n    state: restarted\n`);
      if (files.length < total) write(`${role}/defaults/main.yml`, `---\napp_root: /srv/app${i}\napp_port: ${int(1000, 9000)}\n`);
    } else if (k < 0.8) write(`${proj}/systemd/app${i}.service`, unit(`app${i}`));
    else if (k < 0.85) write(`${proj}/cloud-init/user-data-${i}.yaml`, cloudInit());
    else if (k < 0.9) write(`${proj}/infra/vm${i}.tf`, terraform(i));
    else write(`${proj}/app/mod_${i}.py`, python());
    i++;
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const total = Number(process.argv[2] ?? 20000);
  const out = process.argv[3] ?? `bench/out/repo-${total}`;
  const files = generate(total, out);
  console.log(`${files.length} files in ${out}`);
}
