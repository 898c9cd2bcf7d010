#!/bin/bash
cat > /etc/yum.repos.d/vendor.repo <<'REPO'
[vendor]
name=Vendor
# baseurl=https://old.example.com/fedora/$releasever/
# ruleid: repos/releasever
baseurl=https://rpm.example.com/fedora/$releasever/$basearch/
gpgcheck=1
REPO
# ruleid: repos/releasever
dnf config-manager addrepo --id=hc --set=baseurl='https://rpm.releases.hashicorp.com/fedora/$releasever/$basearch/stable'
# ok: repos/releasever
dnf config-manager addrepo --id=azl --set=baseurl='https://packages.microsoft.com/azurelinux/$releasever/beta/microsoft/$basearch'
# ok: repos/releasever
echo 'baseurl=https://rpm.example.com/fedora/$releasever/'
