#!/bin/sh
# ruleid: pkg/sdk-only
apt-get install -y netcat
# ruleid: pkg/sdk-only
dnf install -y libbsd-devel
# ok: pkg/sdk-only
dnf install -y nmap-ncat
# ok: pkg/sdk-only
apt-get install -y python3.11
# ok: pkg/sdk-only
echo "install netcat"
# ok: pkg/sdk-only
apt-get install -y dpkg-dev devscripts apt-utils
