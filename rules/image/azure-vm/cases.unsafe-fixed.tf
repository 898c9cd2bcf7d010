# Terraform: source_image_reference / storage_image_reference blocks.
resource "azurerm_linux_virtual_machine" "web" {
  name                = "web"
  size                = "Standard_D2s_v5"
  # ruleid: image/azure-vm
  source_image_reference {
    publisher = "microsoftazurelinux"
    offer     = "azurelinux-4"
    sku       = "4"
    version   = "latest"
  }
  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }
}

resource "azurerm_linux_virtual_machine_scale_set" "arm" {
  sku = "Standard_D4ps_v5"
  # ruleid: image/azure-vm
  source_image_reference {
    publisher = "microsoftazurelinux"
    offer     = "azurelinux-4"
    sku       = "4-arm64"
    version   = "latest"
  }
}

resource "azurerm_virtual_machine" "legacy" {
  vm_size = "Standard_DS2_v2"
  # ruleid: image/azure-vm
  storage_image_reference {
    publisher = "microsoftazurelinux"
    offer     = "azurelinux-4"
    sku       = "4"
    version   = "latest"
  }
}

resource "azurerm_linux_virtual_machine" "mariner" {
  size = "Standard_D2s_v5"
  # ruleid: image/azure-vm
  source_image_reference {
    publisher = "microsoftazurelinux"
    offer     = "azurelinux-4"
    sku       = "4"
    version   = "latest"
  }
}

resource "azurerm_linux_virtual_machine" "already" {
  size = "Standard_D2s_v5"
  # ok: image/azure-vm
  source_image_reference {
    publisher = "microsoftazurelinux"
    offer     = "azurelinux-4"
    sku       = "4"
    version   = "latest"
  }
}

resource "azurerm_linux_virtual_machine" "from_var" {
  # ok: image/azure-vm
  source_image_reference {
    publisher = var.image_publisher
    offer     = var.image_offer
    sku       = var.image_sku
    version   = "latest"
  }
}

resource "azurerm_linux_virtual_machine" "partly_var" {
  # ruleid: image/azure-vm
  source_image_reference {
    publisher = "RedHat"
    offer     = "RHEL"
    sku       = var.rhel_sku
    version   = "latest"
  }
}

# Variables and locals with literal values in the same file are resolved (the fix edits their definition).
variable "mariner_sku" {
  default = "4"
}

locals {
  mariner_offer = "azurelinux-4"
}

resource "azurerm_linux_virtual_machine" "from_locals" {
  # ruleid: image/azure-vm
  source_image_reference {
    publisher = "microsoftazurelinux"
    offer     = local.mariner_offer
    sku       = var.mariner_sku
    version   = "latest"
  }
}
