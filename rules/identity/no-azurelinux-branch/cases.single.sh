#!/bin/sh
# ruleid: identity/no-azurelinux-branch
command -v apt-get >/dev/null && apt-get install -y unzip
# ruleid: identity/no-azurelinux-branch
if grep -qi ubuntu /etc/os-release; then
  apt-get install -y zip
fi
