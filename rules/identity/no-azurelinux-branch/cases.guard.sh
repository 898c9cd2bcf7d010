#!/bin/sh
# ruleid: identity/no-azurelinux-branch
[ "$(lsb_release -si)" = "Ubuntu" ] || { echo "Ubuntu only" >&2; exit 1; }
apt-get install -y nginx
