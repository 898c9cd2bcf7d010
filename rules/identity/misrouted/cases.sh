#!/bin/bash
. /etc/os-release
# ruleid: identity/misrouted
if [[ "$ID_LIKE" == *rhel* ]]; then
  yum install -y nginx
elif [ "$ID" = fedora ]; then
  dnf install -y nginx
else
  apt-get install -y nginx
fi
# ruleid: identity/misrouted
if [ -f /etc/redhat-release ]; then
  dnf install -y git
else
  apt-get install -y git
fi
# ok: identity/misrouted
if [[ "$ID_LIKE" == *fedora* || "$ID" == fedora ]]; then
  dnf install -y curl
else
  apt-get install -y curl
fi
# ok: identity/misrouted
if [ "$ID" = ubuntu ]; then
  apt-get install -y jq
else
  dnf install -y jq
fi
