import { describe, expect, it } from 'vitest';
import { adapterFor, ADAPTERS } from '../../src/languages/registry.js';
import { classifyByName, discover } from '../../src/discovery.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRules } from '../../src/core/engine.js';
import { applyFixes } from '../../src/core/fixer.js';
import { loadTarget } from '../../src/knowledge/target.js';
import { allRules } from '../../src/rules/index.js';
import { infraOf } from '../../src/languages/infra/facts.js';
import { hclParser } from '../../src/languages/terraform/hcl.js';
import { parseBicep } from '../../src/languages/bicep/index.js';
import type { FileFacts, FileKind } from '../../src/core/facts.js';

const rules = allRules();
const target = loadTarget('azurelinux-4.0');
const analyze = (kind: FileKind, file: string, text: string) => adapterFor(kind).analyze(file, text);
const at = (text: string, needle: string, from = 0) => {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`not found: ${needle}`);
  return { start: i, end: i + needle.length };
};
const slice = (f: FileFacts, s: { start: number; end: number }) => f.source.text.slice(s.start, s.end);

const TF = `resource "azurerm_linux_virtual_machine" "web" {
  size = "Standard_D2s_v5"
  custom_data = base64encode(<<-EOF
    #cloud-config
    packages:
      - nginx
      - libssl1.1
    runcmd:
      - apt-get install -y python3-venv
      - [ systemctl, enable, --now, nginx ]
  EOF
  )
  source_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts-gen2"
    version   = "latest"
  }
}

resource "azurerm_linux_virtual_machine" "file" {
  user_data = base64encode(file("\${path.module}/cloud-init.yaml"))
  custom_data = filebase64("scripts/init.sh")
}
`;

describe('Terraform adapter', () => {
  it('is chosen by name for .tf and .tf.json', () => {
    expect(classifyByName('infra/main.tf')).toBe('terraform');
    expect(classifyByName('infra/main.tf.json')).toBe('terraform');
    expect(classifyByName('infra/vars.tfvars')).toBeUndefined();
  });

  it('reads source_image_reference parts with exact spans of the string contents', async () => {
    const f = await analyze('terraform', 'main.tf', TF);
    expect(f.images).toHaveLength(1);
    const img = f.images[0]!;
    expect(img.context).toBe('vm-image');
    expect(img.image).toBe('Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest');
    expect(img.vm!.publisher!.span).toEqual(at(TF, 'Canonical'));
    expect(img.vm!.sku!.span).toEqual(at(TF, '22_04-lts-gen2'));
    expect(img.vm!.size!.value).toBe('Standard_D2s_v5');
    expect(slice(f, img.span)).toBe('source_image_reference');
  });

  it('analyses cloud-init in a <<- heredoc with exact host positions (indentation stripped)', async () => {
    const f = await analyze('terraform', 'main.tf', TF);
    const apt = f.commands.find((c) => c.base === 'apt-get')!;
    expect(apt.exact).toBe(true);
    expect(slice(f, apt.span)).toBe('apt-get install -y python3-venv');
    expect(f.commands.map((c) => c.base)).toEqual(['apt-get', 'systemctl']);
    const pk = f.packages.map((p) => [p.name, slice(f, p.span), p.manager]);
    expect(pk).toContainEqual(['libssl1.1', 'libssl1.1', 'cloud-init packages']);
    expect(pk).toContainEqual(['python3-venv', 'python3-venv', 'apt-get']);
    const pos = f.source.position(f.packages.find((p) => p.raw === 'libssl1.1')!.span.start);
    expect(pos).toEqual({ line: 7, column: 9 });
  });

  it('points at user data read from files (scanned on their own) with a note', async () => {
    const f = await analyze('terraform', 'main.tf', TF);
    const info = f.notes.filter((n) => n.kind === 'info').map((n) => [n.message.split(':')[0], n.line]);
    expect(info).toEqual([
      ['custom_data reads scripts/init.sh', 23],
      ['user_data reads ${path.module}/cloud-init.yaml', 22],
    ]);
  });

  it('the existing rules see the embedded cloud-init', async () => {
    const f = await analyze('terraform', 'main.tf', TF);
    const ids = runRules(f, { rules, target }).map((x) => `${x.line}:${x.ruleId}`);
    expect(ids).toContain('9:pkgmgr/apt');
    expect(ids).toContain('13:image/azure-vm');
  });

  it('reads AKS pools, generation and Secure Boot settings', async () => {
    const text = `resource "azurerm_kubernetes_cluster" "k" {
  default_node_pool {
    name = "sys"
    os_sku = "Ubuntu"
  }
}
resource "azurerm_shared_image" "i" { hyper_v_generation = "V1" }
resource "azurerm_linux_virtual_machine" "v" {
  secure_boot_enabled = true
  os_disk { disk_size_gb = 64 }
}
`;
    const f = await analyze('terraform', 'main.tf', text);
    const infra = infraOf(f)!;
    expect(infra.aksPools.map((p) => p.osSku?.value)).toEqual(['Ubuntu']);
    expect(infra.vms.map((v) => [v.type, v.generation?.value, v.secureBoot?.value, v.osDiskSizeGb?.value])).toEqual([
      ['azurerm_shared_image', 'V1', undefined, undefined],
      ['azurerm_linux_virtual_machine', undefined, 'true', '64'],
    ]);
  });

  it('reads .tf.json resources', async () => {
    const text = JSON.stringify({ resource: { azurerm_linux_virtual_machine: { web: { size: 'Standard_D2s_v5', source_image_reference: { publisher: 'RedHat', offer: 'RHEL', sku: '9-lvm-gen2', version: 'latest' } } } } }, null, 2);
    const f = await analyze('terraform', 'main.tf.json', text);
    expect(f.images.map((i) => i.image)).toEqual(['RedHat:RHEL:9-lvm-gen2:latest']);
    expect(slice(f, f.images[0]!.vm!.offer!.span)).toBe('RHEL');
  });
});

describe('Bicep adapter', () => {
  const BICEP = `param location string = resourceGroup().location
var cloudInit = '''
#cloud-config
runcmd:
  - apt-get update
'''
resource vm 'Microsoft.Compute/virtualMachines@2023-09-01' = {
  name: 'web-\${uniqueString(resourceGroup().id)}'
  location: location
  properties: {
    hardwareProfile: {
      vmSize: 'Standard_D2s_v5'
    }
    osProfile: {
      customData: base64(cloudInit)
    }
    securityProfile: { securityType: 'TrustedLaunch', uefiSettings: { secureBootEnabled: true } }
    storageProfile: {
      imageReference: {
        publisher: 'Canonical' // the distro
        offer: 'ubuntu-24_04-lts'
        sku: 'server'
        version: 'latest'
      }
    }
  }
}
`;
  it('scans resources, strings with interpolation, comments and customData variables', async () => {
    expect(classifyByName('infra/main.bicep')).toBe('bicep');
    const f = await analyze('bicep', 'main.bicep', BICEP);
    expect(f.images.map((i) => i.image)).toEqual(['Canonical:ubuntu-24_04-lts:server:latest']);
    expect(slice(f, f.images[0]!.vm!.publisher!.span)).toBe('Canonical');
    const vm = infraOf(f)!.vms[0]!;
    expect([vm.size?.value, vm.securityType?.value, vm.secureBoot?.value]).toEqual(['Standard_D2s_v5', 'TrustedLaunch', 'true']);
    const apt = f.commands.find((c) => c.base === 'apt-get')!;
    expect(slice(f, apt.span)).toBe('apt-get update');
    expect(f.source.position(apt.span.start)).toEqual({ line: 5, column: 5 });
  });
});

describe('ARM adapter', () => {
  const ARM = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "variables": {
    "cloudInit": "#cloud-config\\nruncmd:\\n  - apt-get install -y nginx\\n"
  },
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachines",
      "name": "web",
      "properties": {
        "hardwareProfile": { "vmSize": "[parameters('size')]" },
        "osProfile": { "customData": "[base64(variables('cloudInit'))]" },
        "storageProfile": {
          "imageReference": { "publisher": "Debian", "offer": "debian-12", "sku": "12-gen2", "version": "latest" },
          "osDisk": { "diskSizeGB": 30 }
        }
      }
    },
    {
      "type": "Microsoft.ContainerService/managedClusters",
      "name": "aks",
      "properties": { "agentPoolProfiles": [ { "name": "sys", "osSKU": "CBLMariner" } ] }
    }
  ]
}
`;
  it('is recognised by its $schema, reads resources, expressions and customData through variables', async () => {
    const arm = ADAPTERS.find((a) => a.kind === 'arm')!;
    expect(arm.matchContent!(ARM.slice(0, 256))).toBe(true);
    const f = await analyze('arm', 'azuredeploy.json', ARM);
    expect(f.images.map((i) => i.image)).toEqual(['Debian:debian-12:12-gen2:latest']);
    const vm = infraOf(f)!.vms[0]!;
    expect(vm.size?.value).toBeUndefined();
    expect(vm.osDiskSizeGb?.value).toBe('30');
    expect(infraOf(f)!.aksPools.map((p) => p.osSku?.value)).toEqual(['CBLMariner']);
    const apt = f.commands.find((c) => c.base === 'apt-get')!;
    expect(slice(f, apt.span)).toBe('apt-get install -y nginx');
    expect(apt.exact).toBe(true);
  });
});

describe('Packer adapter', () => {
  const PKR = `source "azure-arm" "img" {
  image_publisher = "Canonical"
  image_offer     = "0001-com-ubuntu-server-jammy"
  image_sku       = "22_04-lts-gen2"
}
build {
  sources = ["source.azure-arm.img"]
  provisioner "shell" {
    inline = [
      "sudo apt-get update",
      "sudo apt-get install -y nginx \${var.extra}",
    ]
  }
  provisioner "shell" {
    script = "scripts/setup.sh"
  }
}
`;
  it('reads azure-arm sources and scans inline provisioners as shell with exact positions', async () => {
    expect(classifyByName('packer/ubuntu.pkr.hcl')).toBe('packer');
    const f = await analyze('packer', 'ubuntu.pkr.hcl', PKR);
    expect(f.images.map((i) => i.image)).toEqual(['Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2']);
    const cmds = f.commands.map((c) => slice(f, c.span));
    expect(cmds).toEqual(['sudo apt-get update', 'sudo apt-get install -y nginx ${var.extra}']);
    expect(f.packages.map((p) => p.name)).toEqual(['nginx']);
    expect(f.notes.some((n) => n.message.startsWith('packer shell provisioner runs scripts/setup.sh'))).toBe(true);
  });

  it('reads legacy JSON templates', async () => {
    const text = JSON.stringify({ builders: [{ type: 'azure-arm', image_publisher: 'OpenLogic', image_offer: 'CentOS', image_sku: '7_9-gen2' }], provisioners: [{ type: 'shell', inline: ['yum install -y httpd'] }] }, null, 2);
    const packer = ADAPTERS.find((a) => a.kind === 'packer')!;
    expect(packer.matchContent!(text.slice(0, 256))).toBe(true);
    const f = await analyze('packer', 'packer.json', text);
    expect(f.images.map((i) => i.image)).toEqual(['OpenLogic:CentOS:7_9-gen2']);
    expect(f.commands.map((c) => slice(f, c.span))).toEqual(['yum install -y httpd']);
  });

  it('places the parse notes of JSON hosts (ARM, Packer, .tf.json) on their lines', async () => {
    const broken = '{\n  "a": 1,\n  "b": [1, 2\n}\n';
    for (const [kind, name] of [['arm', 'azuredeploy.json'], ['packer', 'packer.json'], ['terraform', 'main.tf.json']] as const) {
      const f = await analyze(kind, name, broken);
      expect(f.notes.length, name).toBeGreaterThan(0);
      expect(f.notes.every((n) => n.line !== undefined && n.line >= 3), name).toBe(true);
    }
  });

  it('finds a legacy JSON template whose "builders" come after a long "variables" object', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'azl-packer-'));
    try {
      const variables = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`image_setting_${i}`, `value-${i}`]));
      const text = JSON.stringify({ variables, builders: [{ type: 'azure-arm' }], provisioners: [{ type: 'shell', inline: ['apt-get update'] }] }, null, 2);
      expect(text.indexOf('"builders"')).toBeGreaterThan(1024);
      writeFileSync(join(dir, 'ubuntu.json'), text);
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', dependencies: Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`dep${i}`, '1.0.0'])) }, null, 2));
      const d = await discover(dir, ['.'], { maxFileSize: 1 << 20 });
      expect(d.files.map((f) => [f.rel, f.kind])).toEqual([['ubuntu.json', 'packer']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('image fixes keep the file valid', () => {
  /** Apply every fix of image/azure-vm (safe and unsafe), as `azl-migrate fix --unsafe` would. */
  async function fixAll(kind: FileKind, file: string, text: string): Promise<string> {
    const rule = rules.filter((r) => r.meta.id === 'image/azure-vm');
    const f = await analyze(kind, file, text);
    const fixes = runRules(f, { rules: rule, target }).flatMap((x) => (x.fix ? [x.fix] : []));
    expect(fixes.length).toBeGreaterThan(0);
    return applyFixes(text, fixes).text;
  }
  const isTarget = (f: FileFacts) => f.images.filter((i) => i.context === 'vm-image').every((i) => /^microsoftazurelinux:azurelinux-4:4(-arm64)?:/.test(i.image));

  it('Terraform: re-parses without errors and names the Azure Linux 4.0 image', async () => {
    const out = await fixAll('terraform', 'main.tf', TF);
    const tree = (await hclParser()).parse(out)!;
    expect(tree.rootNode.hasError).toBe(false);
    tree.delete();
    const f = await analyze('terraform', 'main.tf', out);
    expect(f.images.map((i) => i.image)).toEqual(['microsoftazurelinux:azurelinux-4:4:latest']);
  });

  it('ARM: still JSON, Arm64 size gets the arm64 SKU', async () => {
    const text = JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', resources: [{ type: 'Microsoft.Compute/virtualMachines', properties: { hardwareProfile: { vmSize: 'Standard_D4ps_v5' }, storageProfile: { imageReference: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts-arm64', version: '22.04.202405010' } } } }] }, null, 2);
    const out = await fixAll('arm', 'azuredeploy.json', text);
    const ref = JSON.parse(out).resources[0].properties.storageProfile.imageReference;
    expect(ref).toEqual({ publisher: 'microsoftazurelinux', offer: 'azurelinux-4', sku: '4-arm64', version: 'latest' });
    expect(isTarget(await analyze('arm', 'azuredeploy.json', out))).toBe(true);
  });

  it('Bicep: re-scans to the same declarations with the new image', async () => {
    const text = `resource vm 'Microsoft.Compute/virtualMachines@2023-09-01' = {\n  name: 'x'\n  properties: {\n    storageProfile: {\n      imageReference: {\n        publisher: 'SUSE'\n        offer: 'sles-15-sp5'\n        sku: 'gen2'\n        version: 'latest'\n      }\n    }\n  }\n}\n`;
    const out = await fixAll('bicep', 'main.bicep', text);
    expect(parseBicep(out).map((d) => d.name)).toEqual(['vm']);
    expect(out).toContain("publisher: 'microsoftazurelinux'\n        offer: 'azurelinux-4'\n        sku: '4'");
    expect(isTarget(await analyze('bicep', 'main.bicep', out))).toBe(true);
  });

  it('Packer HCL and JSON: re-parse and name the new image', async () => {
    const pkr = `source "azure-arm" "a" {\n  image_publisher = "almalinux"\n  image_offer = "almalinux-x86_64"\n  image_sku = "9-gen2"\n  image_version = "9.4.2024050902"\n}\n`;
    const out = await fixAll('packer', 'a.pkr.hcl', pkr);
    const tree = (await hclParser()).parse(out)!;
    expect(tree.rootNode.hasError).toBe(false);
    tree.delete();
    expect(out).toContain('image_version = "latest"');
    expect(isTarget(await analyze('packer', 'a.pkr.hcl', out))).toBe(true);
    const json = JSON.stringify({ builders: [{ type: 'azure-arm', image_publisher: 'Oracle', image_offer: 'Oracle-Linux', image_sku: 'ol94-lvm-gen2' }] }, null, 2);
    const outJson = await fixAll('packer', 'packer.json', json);
    expect(JSON.parse(outJson).builders[0]).toMatchObject({ image_publisher: 'microsoftazurelinux', image_offer: 'azurelinux-4', image_sku: '4' });
  });

  it('Azure CLI: rewrites the --image value only', async () => {
    const text = `az vm create -g rg -n web --image Ubuntu2204 --size Standard_D2s_v5\naz vm create -g rg -n w2 --image="Canonical:ubuntu-24_04-lts:server:latest"\n`;
    const out = await fixAll('shell', 'deploy.sh', text);
    expect(out).toBe(`az vm create -g rg -n web --image microsoftazurelinux:azurelinux-4:4:latest --size Standard_D2s_v5\naz vm create -g rg -n w2 --image="microsoftazurelinux:azurelinux-4:4:latest"\n`);
  });
});

describe('Terraform values in the same file', () => {
  it('resolves var/local literals for image parts and heredoc locals for custom_data', async () => {
    const text = `variable "sku" {
  default = "22_04-lts-gen2"
}
locals {
  cloud_init = <<-EOT
    #cloud-config
    runcmd:
      - apt-get install -y nginx
  EOT
}
resource "azurerm_linux_virtual_machine" "v" {
  custom_data = base64encode(local.cloud_init)
  source_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = var.sku
    version   = "latest"
  }
}
`;
    const f = await analyze('terraform', 'main.tf', text);
    expect(f.images.map((i) => i.image)).toEqual(['Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest']);
    expect(f.source.position(f.images[0]!.vm!.sku!.span.start).line).toBe(2);
    const apt = f.commands.find((c) => c.base === 'apt-get')!;
    expect([slice(f, apt.span), f.source.position(apt.span.start)]).toEqual(['apt-get install -y nginx', { line: 8, column: 9 }]);
  });
});
