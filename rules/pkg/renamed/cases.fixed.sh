#!/bin/bash
# ruleid: pkg/renamed, pkg/renamed
apt-get install -y --no-install-recommends libssl-dev build-essential curl
# ruleid: pkg/renamed
apk add --no-cache py3-pip
# ruleid: pkg/renamed
tdnf install -y vim-enhanced
# ruleid: pkg/renamed
apt-get install -y libpq-dev=15.5-0+deb12u1
# ok: pkg/renamed
dnf install -y openssl-devel curl
# ok: pkg/renamed
echo "apt-get install libssl-dev"
# ok: pkg/renamed
apt-get install -y openjdk-17-jdk
if [ -f /etc/alpine-release ]; then
  # ok: pkg/renamed
  apk add py3-pip
else
  dnf install -y python3-pip
fi
# ruleid: pkg/renamed
apt-get install -y libc-dev
