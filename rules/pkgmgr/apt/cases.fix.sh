#!/bin/bash
# Every apt command of this script can be translated, so all of them are.
set -euo pipefail
# ruleid: pkgmgr/apt
sudo apt-get update
# ruleid: pkgmgr/apt, pkgmgr/apt
DEBIAN_FRONTEND=noninteractive apt-get install -qq -y --no-install-recommends libpq-dev zlib1g-dev && apt-get clean
# ruleid: pkgmgr/apt
apt-get -y dist-upgrade
# ok: pkgmgr/apt
echo "apt-get install -y nothing"
