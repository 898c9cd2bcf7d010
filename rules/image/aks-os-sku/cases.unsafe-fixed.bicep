resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks'
  properties: {
    agentPoolProfiles: [
      {
        name: 'system'
        // ruleid: image/aks-os-sku
        osSKU: 'AzureLinux'
      }
      {
        name: 'azl'
        // ok: image/aks-os-sku
        osSKU: 'AzureLinux'
      }
    ]
  }
}
