#!/bin/bash
. /etc/os-release
# ruleid: identity/no-azurelinux-branch
case "$ID" in
  ubuntu|debian) apt-get install -y nginx ;;
  centos|rhel|rocky) yum install -y nginx ;;
esac

# ruleid: identity/no-azurelinux-branch
if [ -f /etc/debian_version ]; then
  apt-get install -y git
elif [ -f /etc/redhat-release ]; then
  yum install -y git
fi

# ruleid: identity/no-azurelinux-branch
if [[ "$ID_LIKE" == *debian* ]]; then
  apt-get install -y jq
elif [[ "$ID_LIKE" == *rhel* ]]; then
  dnf install -y jq
fi

# ok: identity/no-azurelinux-branch
case "$ID" in
  ubuntu|debian) apt-get install -y curl ;;
  fedora|azurelinux) dnf install -y curl ;;
esac

# ok: identity/no-azurelinux-branch
if command -v apt-get >/dev/null 2>&1; then
  apt-get install -y make
elif command -v dnf >/dev/null 2>&1; then
  dnf install -y make
fi

# ok: identity/no-azurelinux-branch
if [ -f /etc/debian_version ]; then
  apt-get install -y zip
else
  dnf install -y zip
fi

# ok: identity/no-azurelinux-branch
if [ "$FEATURE" = "on" ]; then echo "not a distro check"; fi
