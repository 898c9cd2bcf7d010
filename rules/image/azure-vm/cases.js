// Pulumi (azure-native) and CDK for Terraform programs: image objects.
const compute = require('@pulumi/azure-native/compute');

const vm = new compute.VirtualMachine('web', {
  storageProfile: {
    imageReference: {
      // ruleid: image/azure-vm
      publisher: 'Canonical',
      offer: '0001-com-ubuntu-server-jammy',
      sku: '22_04-lts-gen2',
      version: 'latest',
    },
  },
});

const ok = {
  // ok: image/azure-vm
  publisher: 'microsoftazurelinux',
  offer: 'azurelinux-4',
  sku: '4',
  version: 'latest',
};

const cdktf = {
  sourceImageReference: {
    // ruleid: image/azure-vm
    publisher: "SUSE",
    offer: "sles-15-sp5",
    sku: "gen2",
    version: "latest",
  },
};
module.exports = { vm, ok, cdktf };
