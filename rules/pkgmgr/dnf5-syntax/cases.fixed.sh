#!/bin/bash
# ruleid: pkgmgr/dnf5-syntax
dnf group install -y "Development Tools"
# ruleid: pkgmgr/dnf5-syntax
yum remove -y httpd
# ruleid: pkgmgr/dnf5-syntax
dnf config-manager addrepo --from-repofile=https://download.docker.com/linux/fedora/docker-ce.repo
# ruleid: pkgmgr/dnf5-syntax
dnf config-manager setopt crb.enabled=1
# ruleid: pkgmgr/dnf5-syntax
dnf install -y --setopt=disable_excludes=all kernel
# ruleid: pkgmgr/dnf5-syntax
yum module enable -y nodejs:18
# ruleid: pkgmgr/dnf5-syntax
dnf autoremove -y gcc
# ruleid: pkgmgr/dnf5-syntax
dnf history undo 3 && dnf history info 12
# ruleid: pkgmgr/dnf5-syntax
dnf repoquery --resolve --requires nginx
# ruleid: pkgmgr/dnf5-syntax
dnf upgrade -y --skip-broken
# ruleid: pkgmgr/dnf5-syntax
dnf install -y -x kernel\* httpd
# ruleid: pkgmgr/dnf5-syntax
microdnf --enable=crb install -y git
# ok: pkgmgr/dnf5-syntax
dnf group install -y "Development Tools"
# ok: pkgmgr/dnf5-syntax
dnf config-manager addrepo --from-repofile=https://example.com/x.repo
# ok: pkgmgr/dnf5-syntax
dnf install -y --setopt=install_weak_deps=False --nodocs curl
# ok: pkgmgr/dnf5-syntax
echo "dnf groupinstall is gone"
# ok: pkgmgr/dnf5-syntax
dnf5 install -y curl
