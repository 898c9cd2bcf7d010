resource "azurerm_linux_virtual_machine" "tl" {
  size = "Standard_D2s_v5"
  # ruleid: image/secure-boot
  secure_boot_enabled = true
  vtpm_enabled        = true
}

resource "azurerm_linux_virtual_machine" "std" {
  size = "Standard_D2s_v5"
  # ok: image/secure-boot
  secure_boot_enabled = false
}
