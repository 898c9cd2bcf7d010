#!/bin/bash
# ruleid: pkgmgr/dpkg
dpkg -i /tmp/google-chrome.deb
# ruleid: pkgmgr/dpkg
ARCH="$(dpkg --print-architecture)"
# ruleid: pkgmgr/dpkg
if dpkg -s nginx >/dev/null 2>&1; then echo installed; fi
# ruleid: pkgmgr/dpkg
dpkg-query -W -f='${Version}' openssl
# ruleid: pkgmgr/dpkg
sudo dpkg-reconfigure -f noninteractive tzdata
# ok: pkgmgr/dpkg
rpm -q nginx
# ok: pkgmgr/dpkg
echo "dpkg -i is not available"
# ok: pkgmgr/dpkg
# dpkg -l | grep nginx
if [ -f /etc/debian_version ]; then
  # ok: pkgmgr/dpkg
  dpkg -l | grep -q nginx
else
  rpm -q nginx
fi
# ruleid: pkgmgr/dpkg
dpkgArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"
# ruleid: pkgmgr/dpkg
dpkg-scanpackages . > Packages
# Commands find runs (docker-library/postgres removes .pyc files no package owns):
# ruleid: pkgmgr/dpkg
find /usr -name '*.pyc' -type f -exec bash -c 'for pyc; do dpkg -S "$pyc" || rm -vf "$pyc"; done' -- '{}' +
# ruleid: pkgmgr/dpkg
find / -name libssl.so -execdir dpkg -S {} \;
# ok: pkgmgr/dpkg
find / -name '*dpkg*' -print
