/**
 * The ReDoS probe (test/redos.test.ts runs it in a worker thread, so that a catastrophic pattern cannot hang the test
 * run: the test terminates the worker when one step takes too long). Messages out: {type:'step', what} before each
 * step, {type:'time', what, ms} after it, {type:'done'} at the end.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { adapterFor } from '../../src/languages/registry.js';
import { runRules } from '../../src/core/engine.js';
import type { FileFacts, FileKind } from '../../src/core/facts.js';
import { loadTarget, DEFAULT_TARGET } from '../../src/knowledge/target.js';
import { allRules } from '../../src/rules/index.js';

const N: number = (workerData as { n: number }).n;

/** Long runs that make backtracking patterns explode: each is a "word" with no terminator the pattern expects. */
const RUNS: Record<string, string> = {
  letters: 'a'.repeat(N),
  'letters!': `${'a'.repeat(N)}!`,
  spaces: `x${' '.repeat(N)}y`,
  tabs: `x${'\t'.repeat(N)}`,
  backslashes: '\\'.repeat(N),
  'double quotes': '"'.repeat(N),
  'single quotes': "'".repeat(N),
  path: '/a'.repeat(N / 2),
  'path with dots': '/..'.repeat(N / 3),
  slashes: '/'.repeat(N),
  dashes: '-'.repeat(N),
  'dotted': 'a.'.repeat(N / 2),
  'colons': 'a:'.repeat(N / 2),
  'equals': 'a='.repeat(N / 2),
  digits: '1'.repeat(N),
  'versions': '1.2-'.repeat(N / 4),
  'dollar braces': '${'.repeat(N / 2),
  'jinja': '{{ '.repeat(N / 3),
  'alternating space': 'a '.repeat(N / 2),
  'word-hyphen': 'apt-'.repeat(N / 4),
  'packages': 'lib-x '.repeat(N / 6),
  'http': 'http://'.repeat(N / 7),
  'astral': '😀'.repeat(N / 2),
};

/** Puts the run where each host syntax carries commands, arguments, packages, paths, images and strings. */
function hostText(kind: FileKind, t: string): string {
  const sh = `apt-get install -y ${t} curl\necho ${t} > /etc/${t}\nif grep -qi ${t} /etc/os-release; then dnf install -y ${t}; fi\nsed -i 's/${t}/x/' /etc/${t}\n`;
  const oneLine = `apt-get install -y ${t} && cp ${t} /etc/${t} && ${t}`;
  switch (kind) {
    case 'shell':
      return `#!/bin/bash\n${sh}`;
    case 'dockerfile':
      return `FROM ubuntu:${t} AS ${t}\nENV ${t}=${t}\nRUN ${oneLine} \\\n  ${t}\nCOPY ${t} /etc/${t}\nRUN <<EOF\n${sh}EOF\n`;
    case 'systemd':
      return `[Unit]\nDescription=${t}\nAfter=${t}\n[Service]\nExecStart=/usr/bin/${t} ${t}\nExecStartPre=/bin/sh -c '${oneLine}'\nEnvironmentFile=${t}\nEnvironmentFile=-/etc/default/${t}\nUser=${t}\nPIDFile=/var/run/${t}\n${t}=${t}\n`;
    case 'cloud-init':
      return `#cloud-config\npackages:\n  - ${t}\n  - [${t}, ${t}]\nruncmd:\n  - ${oneLine}\n  - [sh, -c, "${t}"]\nwrite_files:\n  - path: /etc/${t}\n    content: ${t}\napt:\n  sources:\n    ${t}:\n      source: "deb ${t}"\n`;
    case 'ansible':
      return `- hosts: ${t}\n  tasks:\n    - name: ${t}\n      ansible.builtin.apt: name=${t}\n    - apt:\n        name: [${t}]\n    - ansible.builtin.shell: ${oneLine}\n    - command: ${t}\n    - lineinfile: path=/etc/${t} line=${t}\n    - service: name=${t} enabled=yes\n      when: ansible_os_family == "${t}"\n`;
    case 'terraform':
      return `resource "azurerm_linux_virtual_machine" "${t}" {\n  size = "${t}"\n  source_image_reference {\n    publisher = "${t}"\n    offer     = "${t}"\n    sku       = "${t}"\n    version   = "${t}"\n  }\n  source_image_id = "${t}"\n  custom_data = base64encode(<<-EOF\n${sh}EOF\n  )\n}\n`;
    case 'bicep':
      return `resource vm 'Microsoft.Compute/virtualMachines@2023-03-01' = {\n  name: '${t}'\n  properties: {\n    storageProfile: {\n      imageReference: {\n        publisher: '${t}'\n        offer: '${t}'\n        sku: '${t}'\n        version: '${t}'\n      }\n    }\n    osProfile: { customData: '${t}' }\n  }\n}\n`;
    case 'arm':
      return JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', resources: [{ type: 'Microsoft.Compute/virtualMachines', name: t, properties: { storageProfile: { imageReference: { publisher: t, offer: t, sku: t, version: t } }, osProfile: { customData: t } } }] }, null, 2);
    case 'packer':
      return `source "azure-arm" "${t}" {\n  image_publisher = "${t}"\n  image_offer = "${t}"\n  image_sku = "${t}"\n}\nbuild {\n  provisioner "shell" {\n    inline = ["${oneLine.replace(/"/g, '\\"')}", "${t}"]\n  }\n}\n`;
    case 'workflow':
      return `on: push\njobs:\n  ${t}:\n    runs-on: ${t}\n    container: ${t}\n    services:\n      db:\n        image: ${t}\n    steps:\n      - uses: ${t}\n      - run: ${oneLine}\n      - run: |\n          ${sh.split('\n').join('\n          ')}\n`;
    case 'compose':
      return `services:\n  ${t}:\n    image: ${t}\n    volumes:\n      - /etc/${t}:/etc/${t}:z\n      - ${t}\n    command: ${oneLine}\n    build:\n      dockerfile: ${t}\n`;
    case 'tsjs':
      return `import { execSync } from 'child_process';\nexecSync('${oneLine}');\nexecSync(\`${t} \${${t}}\`);\nconst img = { publisher: '${t}', offer: '${t}', sku: '${t}', version: '${t}' };\nconst p = "/etc/${t}";\n// ${t}\n`;
    case 'python':
      return `import subprocess, os\nsubprocess.run(["apt-get", "install", "${t}"])\nsubprocess.run("${oneLine}", shell=True)\nos.system('${t}')\nopen("/etc/${t}")\nx = """${t}"""\n# ${t}\n`;
  }
}

const KINDS: FileKind[] = ['shell', 'dockerfile', 'systemd', 'cloud-init', 'ansible', 'terraform', 'bicep', 'arm', 'packer', 'workflow', 'compose', 'tsjs', 'python'];
const NAME: Record<FileKind, string> = { dockerfile: 'Dockerfile', shell: 'x.sh', systemd: 'x.service', 'cloud-init': 'user-data.yaml', ansible: 'tasks/main.yml', terraform: 'main.tf', bicep: 'main.bicep', arm: 'azuredeploy.json', packer: 'x.pkr.hcl', workflow: '.github/workflows/ci.yml', compose: 'compose.yml', tsjs: 'x.ts', python: 'x.py' };


const post = (m: object) => parentPort!.postMessage(m);
const facts: { kind: FileKind; run: string; facts: FileFacts }[] = [];
for (const kind of KINDS) {
  for (const [name, t] of Object.entries(RUNS)) {
    const what = `adapter ${kind} / ${name}`;
    post({ type: 'step', what });
    const start = performance.now();
    facts.push({ kind, run: name, facts: await adapterFor(kind).analyze(NAME[kind], hostText(kind, t)) });
    post({ type: 'time', what, ms: performance.now() - start });
  }
}
const target = loadTarget(DEFAULT_TARGET);
for (const rule of allRules()) {
  for (const f of facts) {
    if (rule.meta.kinds && !rule.meta.kinds.includes(f.kind)) continue;
    const what = `rule ${rule.meta.id} on ${f.kind} / ${f.run}`;
    post({ type: 'step', what });
    const start = performance.now();
    runRules(f.facts, { rules: [rule], target });
    post({ type: 'time', what, ms: performance.now() - start });
  }
}
post({ type: 'done' });
