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
# Uses of lsb_release behind a test that it exists (get.docker.com's command_exists takes "$@").
command_exists() {
  command -v "$@" > /dev/null 2>&1
}
if command_exists lsb_release; then
  # ok: identity/release-files
  lsb_release -a -u > /dev/null 2>&1
fi
if [ -n "$(command -v lsb_release 2>/dev/null)" ]; then
  # ok: identity/release-files
  lsb_release -is
fi
if [ -x "$(command -v lsb_release)" ]; then
  # ok: identity/release-files
  lsb_release -cs
fi
# Output sent away: the test never sees a path, so it is no guard.
if [ -n "$(command -v lsb_release >/dev/null 2>&1)" ]; then
  # ruleid: identity/release-files
  lsb_release -ds
fi
