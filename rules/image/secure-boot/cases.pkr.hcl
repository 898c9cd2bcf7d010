source "azure-arm" "tl" {
  image_publisher = "microsoftazurelinux"
  image_offer     = "azurelinux-4"
  image_sku       = "4"
  # ruleid: image/secure-boot
  secure_boot_enabled = true
}
