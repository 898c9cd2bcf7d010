#!/bin/sh
# ruleid: pkgmgr/zypper
zypper --non-interactive install -y curl
# ruleid: pkgmgr/zypper
sudo zypper ar https://download.example.com/sles repo
# ok: pkgmgr/zypper
echo "zypper in curl"
if [ -f /etc/SuSE-release ]; then
  # ok: pkgmgr/zypper
  zypper in -y curl
else
  dnf install -y curl
fi
