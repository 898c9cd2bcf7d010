#!/bin/bash
# ruleid: identity/release-files
. /etc/lsb-release
# ruleid: identity/release-files
CODENAME=$(lsb_release -cs)
# ruleid: identity/release-files
EL_VERSION=$(rpm -q --qf '%{VERSION}' centos-release || cut -d' ' -f4 /etc/redhat-release)
# ok: identity/release-files
. /etc/os-release
# ok: identity/release-files
if grep -q "Red Hat" /etc/redhat-release; then
  dnf install -y nginx
fi
# ok: identity/release-files
[ -f /etc/debian_version ] && apt-get install -y nginx
# ok: identity/release-files
echo "see /etc/lsb-release"
# cat /etc/lsb-release
if [ -f /etc/lsb-release ]; then
  # ok: identity/release-files
  . /etc/lsb-release
fi
