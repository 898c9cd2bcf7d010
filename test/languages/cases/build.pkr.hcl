source "azure-arm" "img" {
  # ruleid: image/azure-vm
  image_publisher = "Canonical"
  image_offer     = "0001-com-ubuntu-server-jammy"
  image_sku       = "22_04-lts-gen2"
}
build {
  sources = ["source.azure-arm.img"]
  provisioner "shell" {
    inline = [
      # ruleid: pkgmgr/apt
      "sudo apt-get install -y nginx",
      "sudo systemctl enable --now nginx",
    ]
  }
}
