# Packer HCL: azure-arm sources.
source "azure-arm" "ubuntu" {
  # ruleid: image/azure-vm
  image_publisher = "Canonical"
  image_offer     = "0001-com-ubuntu-server-jammy"
  image_sku       = "22_04-lts-gen2"
  vm_size         = "Standard_D2s_v5"
  os_type         = "Linux"
}

source "azure-arm" "azl3" {
  # ruleid: image/azure-vm
  image_publisher = "MicrosoftCBLMariner"
  image_offer     = "azure-linux-3"
  image_sku       = "azure-linux-3-gen2"
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
