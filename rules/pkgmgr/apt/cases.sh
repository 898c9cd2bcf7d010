#!/bin/sh
# Annotations: "ruleid: X" expects a finding of X on the next line, "ok: X" expects none.
# ruleid: pkgmgr/apt
apt-get update
# ruleid: pkgmgr/apt
sudo -E apt-get install -y --no-install-recommends curl ca-certificates
# ruleid: pkgmgr/apt
DEBIAN_FRONTEND=noninteractive env LANG=C apt install -y jq
# ruleid: pkgmgr/apt
cat packages.txt | xargs apt-get install -y
# ruleid: pkgmgr/apt, pkgmgr/apt
VERSION=$(apt-cache policy nginx | head -1; aptitude search nginx)
# ruleid: pkgmgr/apt
savedAptMark="$(apt-mark showmanual)"
# ruleid: pkgmgr/apt
apt-mark auto '.*' > /dev/null
# ruleid: pkgmgr/apt
sh -c 'apt-get -o Dpkg::Options::=--force-confold upgrade -y'
# ruleid: pkgmgr/apt
find /tmp/debs -name '*.deb' -exec apt-get install -y {} +
# ruleid: pkgmgr/apt
nohup time command apt-get dist-upgrade
# ok: pkgmgr/apt
echo "run apt-get install curl to fix this"
# ok: pkgmgr/apt
printf '%s\n' apt-get
# ok: pkgmgr/apt
# apt-get install -y curl
# ok: pkgmgr/apt
dnf install -y curl

# Gated to Debian with an RPM-family branch beside it: not a break.
if [ -f /etc/debian_version ]; then
  # ok: pkgmgr/apt
  apt-get install -y nginx
elif command -v dnf >/dev/null 2>&1; then
  dnf install -y nginx
fi

. /etc/os-release
case "$ID" in
  ubuntu|debian)
    # ok: pkgmgr/apt
    apt-get install -y git
    ;;
  fedora|azurelinux)
    dnf install -y git
    ;;
esac

# ok: pkgmgr/apt
command -v apt-get >/dev/null && apt-get install -y make
command -v dnf >/dev/null && dnf install -y make
