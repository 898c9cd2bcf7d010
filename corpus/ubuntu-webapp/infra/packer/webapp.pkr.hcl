packer {
  required_plugins {
    azure = { source = "github.com/hashicorp/azure", version = ">= 2.0.0" }
  }
}

source "azure-arm" "webapp" {
  use_azure_cli_auth                = true
  image_publisher                   = "Canonical"
  image_offer                       = "0001-com-ubuntu-server-jammy"
  image_sku                         = "22_04-lts-gen2"
  vm_size                           = "Standard_D2s_v5"
  os_type                           = "Linux"
  managed_image_name                = "webapp-{{timestamp}}"
  managed_image_resource_group_name = "rg-images"
}

build {
  sources = ["source.azure-arm.webapp"]

  provisioner "shell" {
    inline = [
      "sudo apt-get update",
      "sudo apt-get install -y nginx nodejs",
      "sudo systemctl enable nginx",
    ]
  }

  provisioner "shell" {
    script = "../../scripts/install-deps.sh"
  }
}
