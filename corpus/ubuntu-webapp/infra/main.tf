terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }
  }
}

provider "azurerm" {
  features {}
}

variable "location" {
  default = "westeurope"
}

resource "azurerm_resource_group" "web" {
  name     = "rg-webapp"
  location = var.location
}

resource "azurerm_linux_virtual_machine" "web" {
  name                  = "vm-webapp"
  resource_group_name   = azurerm_resource_group.web.name
  location              = azurerm_resource_group.web.location
  size                  = "Standard_B2s"
  admin_username        = "azureuser"
  network_interface_ids = [azurerm_network_interface.web.id]

  admin_ssh_key {
    username   = "azureuser"
    public_key = file("~/.ssh/id_rsa.pub")
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts-gen2"
    version   = "latest"
  }

  custom_data = base64encode(<<-EOT
    #cloud-config
    package_update: true
    packages:
      - nginx
      - nodejs
      - ufw
    runcmd:
      - ufw allow 'Nginx Full'
      - apt-get install -y python3-venv
      - systemctl enable --now nginx
  EOT
  )
}

resource "azurerm_kubernetes_cluster" "jobs" {
  name                = "aks-webapp-jobs"
  location            = azurerm_resource_group.web.location
  resource_group_name = azurerm_resource_group.web.name
  dns_prefix          = "webappjobs"

  default_node_pool {
    name       = "system"
    node_count = 2
    vm_size    = "Standard_D2s_v5"
    os_sku     = "Ubuntu"
  }

  identity {
    type = "SystemAssigned"
  }
}
