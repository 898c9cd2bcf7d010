#!/bin/bash
# Every apt command of this script can be translated, so all of them are.
set -euo pipefail
# ruleid: pkgmgr/apt
sudo dnf makecache
# ruleid: pkgmgr/apt, pkgmgr/apt
DEBIAN_FRONTEND=noninteractive dnf install -q -y --setopt=install_weak_deps=False libpq-devel zlib-ng-compat-devel && dnf clean all
# ruleid: pkgmgr/apt
dnf -y upgrade
# ok: pkgmgr/apt
echo "apt-get install -y nothing"
