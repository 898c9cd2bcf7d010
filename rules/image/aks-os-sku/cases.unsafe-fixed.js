// Pulumi azure-native agent pools.
const pool = {
  name: 'user',
  // ruleid: image/aks-os-sku
  osSKU: 'AzureLinux',
};
const ok = {
  // ok: image/aks-os-sku
  osSku: 'AzureLinux',
};
module.exports = { pool, ok };
