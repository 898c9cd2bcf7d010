#!/bin/sh
# A branch for RHEL that overrides a default: Azure Linux keeps the Debian default, unlike RHEL and CentOS.
PKG=apt-get
# ruleid: identity/no-azurelinux-branch
if [ -f /etc/redhat-release ]; then
  PKG=yum
fi
$PKG install -y curl
