// Bicep: gallery image definitions and VM sizes.
resource def 'Microsoft.Compute/galleries/images@2023-07-03' = {
  name: 'gallery/app'
  properties: {
    osType: 'Linux'
    // ruleid: image/generation
    hyperVGeneration: 'V1'
  }
}

resource vm 'Microsoft.Compute/virtualMachines@2023-09-01' = {
  name: 'vm'
  properties: {
    // ruleid: image/generation
    hardwareProfile: { vmSize: 'Basic_A1' }
  }
}

resource ok 'Microsoft.Compute/galleries/images@2023-07-03' = {
  name: 'gallery/ok'
  properties: {
    // ok: image/generation
    hyperVGeneration: 'V2'
  }
}
