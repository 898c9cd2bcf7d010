# Packer HCL: azure-arm sources.
source "azure-arm" "ubuntu" {
  # ruleid: image/azure-vm
  image_publisher = "microsoftazurelinux"
  image_offer     = "azurelinux-4"
  image_sku       = "4"
  vm_size         = "Standard_D2s_v5"
  os_type         = "Linux"
}

source "azure-arm" "azl3" {
  # ruleid: image/azure-vm
  image_publisher = "microsoftazurelinux"
  image_offer     = "azurelinux-4"
  image_sku       = "4"
  vm_size         = "Standard_D2s_v5"
}

source "azure-arm" "azl4" {
  # ok: image/azure-vm
  image_publisher = "microsoftazurelinux"
  image_offer     = "azurelinux-4"
  image_sku       = "4"
}

build {
  sources = ["source.azure-arm.ubuntu"]
}
