#!/bin/sh
# A branch that only overrides a value set before the check: where it does not run, the earlier value stands.
OS_TYPE="linux"
PKG_TOOL=dnf
FLAVOR=generic

# ok: identity/no-azurelinux-branch
if [ "$OS" = "alpine" ]; then
    OS_TYPE="alpine-linux"
fi

# ok: identity/no-azurelinux-branch
case "$ID" in
  ubuntu|debian) PKG_TOOL=apt-get ;;
esac

# ok: identity/no-azurelinux-branch
[ -f /etc/alpine-release ] && FLAVOR=musl

# A branch that assigns a variable not set before, or does more than assign: reported as before.
# ruleid: identity/no-azurelinux-branch
if [ -f /etc/debian_version ]; then
  LIBDIR=/usr/lib/x86_64-linux-gnu
fi
# ruleid: identity/no-azurelinux-branch
if [ "$ID" = "ubuntu" ]; then
  OS_TYPE=ubuntu
  apt-get install -y curl
fi
# A prefix assignment sets the variable for its command only: not a value set before the check.
MIRROR=deb.debian.org true
# ruleid: identity/no-azurelinux-branch
if [ -f /etc/debian_version ]; then
  MIRROR=ftp.debian.org
fi
