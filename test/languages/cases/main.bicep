var cloudInit = '''
#cloud-config
runcmd:
  # ruleid: pkgmgr/apt
  - apt-get install -y nginx
'''
resource vm 'Microsoft.Compute/virtualMachines@2023-09-01' = {
  name: 'web'
  properties: {
    osProfile: {
      customData: base64(cloudInit)
    }
    storageProfile: {
      // ruleid: image/azure-vm
      imageReference: {
        publisher: 'Debian'
        offer: 'debian-12'
        sku: '12-gen2'
        version: 'latest'
      }
    }
  }
}
