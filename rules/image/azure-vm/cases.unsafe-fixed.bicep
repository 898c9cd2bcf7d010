// Bicep: imageReference in a VM and a scale set.
param adminUser string = 'azureuser'
var imageSku = '22_04-lts-gen2'

resource vm 'Microsoft.Compute/virtualMachines@2023-09-01' = {
  name: 'web'
  location: resourceGroup().location
  properties: {
    hardwareProfile: { vmSize: 'Standard_D2s_v5' }
    storageProfile: {
      // ruleid: image/azure-vm
      imageReference: {
        publisher: 'microsoftazurelinux'
        offer: 'azurelinux-4'
        sku: '4'
        version: 'latest'
      }
    }
  }
}

resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2023-09-01' = {
  name: 'pool'
  sku: { name: 'Standard_D2s_v5', capacity: 2 }
  properties: {
    virtualMachineProfile: {
      storageProfile: {
        // ruleid: image/azure-vm
        imageReference: {
          publisher: 'microsoftazurelinux'
          offer: 'azurelinux-4'
          sku: '4'
          version: 'latest'
        }
      }
    }
  }
}

resource ok 'Microsoft.Compute/virtualMachines@2023-09-01' = {
  name: 'ok'
  properties: {
    storageProfile: {
      // ok: image/azure-vm
      imageReference: {
        publisher: 'microsoftazurelinux'
        offer: 'azurelinux-4'
        sku: '4'
        version: 'latest'
      }
    }
  }
}

resource expr 'Microsoft.Compute/virtualMachines@2023-09-01' = {
  name: 'expr'
  properties: {
    storageProfile: {
      // ok: image/azure-vm
      imageReference: {
        publisher: publisherParam
        offer: 'x'
        sku: imageSku
        version: 'latest'
      }
    }
  }
}
