#!/bin/sh
# Each distro has its own check; the RPM-family one misses Azure Linux 4.0 and is the one to extend.
# ruleid: identity/no-azurelinux-branch
if [ -f /etc/redhat-release ]; then
  yum install -y nginx
fi
# ok: identity/no-azurelinux-branch
if [ -f /etc/debian_version ]; then
  apt-get install -y nginx
fi
# ok: identity/no-azurelinux-branch
grep -q alpine /etc/os-release && apk add nginx
