resource "azurerm_kubernetes_cluster" "aks" {
  name = "aks"
  # ruleid: image/aks-os-sku
  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 3
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "user" {
  name = "user"
  # ruleid: image/aks-os-sku
  os_sku = "AzureLinux"
}

resource "azurerm_kubernetes_cluster_node_pool" "mariner" {
  name = "mariner"
  # ruleid: image/aks-os-sku
  os_sku = "AzureLinux"
}

resource "azurerm_kubernetes_cluster_node_pool" "azl" {
  name = "azl"
  # ok: image/aks-os-sku
  os_sku = "AzureLinux"
}
