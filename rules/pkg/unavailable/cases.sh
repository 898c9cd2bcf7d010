#!/bin/bash
# ruleid: pkg/unavailable
apt-get install -y software-properties-common curl
# ruleid: pkg/unavailable, pkg/unavailable
tdnf install -y SymCrypt SymCrypt-OpenSSL
# ok: pkg/unavailable
apt-get install -y curl libssl-dev
# ruleid: pkg/unavailable, pkg/unavailable
apt-get install -y --no-install-recommends apt-utils dpkg-dev
# ruleid: pkg/unavailable
apt-get install -y devscripts
# ok: pkg/unavailable
echo "apt-get install software-properties-common"
# ok: pkg/unavailable
apt-get install -y openjdk-17-jdk
# ok: pkg/unavailable
apt-get install -y $UNKNOWN_PACKAGES
