# Terraform with cloud-init in a heredoc: findings inside the heredoc land on their own lines.
resource "azurerm_linux_virtual_machine" "web" {
  # ruleid: image/generation
  size = "Standard_A2_v2"
  custom_data = base64encode(<<-EOT
    #cloud-config
    packages:
      - nginx
    runcmd:
      # ruleid: pkgmgr/apt
      - apt-get install -y python3-venv
      # ruleid: selinux/disable
      - setenforce 0
  EOT
  )
  # ruleid: image/secure-boot
  secure_boot_enabled = true
  # ruleid: image/azure-vm
  source_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts"
    version   = "latest"
  }
}
