# A production template (its name says prod): `latest` should be pinned and promoted through a gallery.
resource "azurerm_linux_virtual_machine" "web" {
  size = "Standard_D2s_v5"
  # ruleid: image/azure-vm
  source_image_reference {
    publisher = "microsoftazurelinux"
    offer     = "azurelinux-4"
    sku       = "4"
    version   = "latest"
  }
}

resource "azurerm_linux_virtual_machine" "pinned" {
  size = "Standard_D2s_v5"
  # ok: image/azure-vm
  source_image_reference {
    publisher = "microsoftazurelinux"
    offer     = "azurelinux-4"
    sku       = "4"
    version   = "4.0.20260501"
  }
}
