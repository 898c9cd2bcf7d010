// Pulumi (azure-native) and CDK for Terraform programs: image objects.
const compute = require('@pulumi/azure-native/compute');

const vm = new compute.VirtualMachine('web', {
  storageProfile: {
    imageReference: {
      // ruleid: image/azure-vm
      publisher: 'microsoftazurelinux',
      offer: 'azurelinux-4',
      sku: '4',
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
    publisher: "microsoftazurelinux",
    offer: "azurelinux-4",
    sku: "4",
    version: "latest",
  },
};
module.exports = { vm, ok, cdktf };
