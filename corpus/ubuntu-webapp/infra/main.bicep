// Staging VM for the web app (same image as production).
param location string = resourceGroup().location
param adminUser string = 'azureuser'

var cloudInit = '''
#cloud-config
runcmd:
  - apt-get update
  - apt-get install -y nginx
'''

resource vm 'Microsoft.Compute/virtualMachines@2023-09-01' = {
  name: 'vm-webapp-staging'
  location: location
  properties: {
    hardwareProfile: {
      vmSize: 'Standard_B2s'
    }
    osProfile: {
      computerName: 'webapp-staging'
      adminUsername: adminUser
      customData: base64(cloudInit)
    }
    securityProfile: {
      securityType: 'TrustedLaunch'
      uefiSettings: {
        secureBootEnabled: true
        vTpmEnabled: true
      }
    }
    storageProfile: {
      imageReference: {
        publisher: 'Canonical'
        offer: '0001-com-ubuntu-server-jammy'
        sku: '22_04-lts-gen2'
        version: 'latest'
      }
    }
  }
}
