# Packer docker builders.
source "docker" "app" {
  # ruleid: image/container-base
  image  = "mcr.microsoft.com/azurelinux-beta/base/core:4.0"
  commit = true
}

source "docker" "ok" {
  # ok: image/container-base
  image  = "mcr.microsoft.com/azurelinux-beta/base/core:4.0"
  commit = true
}
