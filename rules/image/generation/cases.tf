# Gen1: hyper_v_generation V1, Gen1-only sizes, -gen1 SKUs.
resource "azurerm_shared_image" "app" {
  name    = "app"
  os_type = "Linux"
  # ruleid: image/generation
  hyper_v_generation = "V1"
}

resource "azurerm_shared_image" "gen2" {
  name    = "gen2"
  os_type = "Linux"
  # ok: image/generation
  hyper_v_generation = "V2"
}

resource "azurerm_linux_virtual_machine" "small" {
  # ruleid: image/generation
  size = "Standard_A2_v2"
  source_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts"
    version   = "latest"
  }
}

resource "azurerm_linux_virtual_machine" "gen1sku" {
  # ok: image/generation
  size = "Standard_D2s_v5"
  source_image_reference {
    publisher = "MicrosoftCBLMariner"
    offer     = "azure-linux-3"
    # ruleid: image/generation
    sku       = "azure-linux-3-gen1"
    version   = "latest"
  }
}
