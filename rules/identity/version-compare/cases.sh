#!/bin/bash
. /etc/os-release
# ruleid: identity/version-compare
if [ "${VERSION_ID%%.*}" -lt 8 ]; then
  yum install -y python2
fi
# ruleid: identity/version-compare
[[ $VERSION_ID -ge 9 ]] && dnf install -y python3.11
# ruleid: identity/version-compare
EL=$(rpm -E '%{rhel}')
# ok: identity/version-compare
if [ "$NODE_VERSION" -lt 8 ]; then echo old node; fi
# ok: identity/version-compare
if [ "$ID" = azurelinux ] && [ "${VERSION_ID%%.*}" -ge 4 ]; then dnf install -y python3; fi
# [ "${VERSION_ID%%.*}" -lt 8 ]
# ok: identity/version-compare
echo "VERSION_ID -lt 8"
# ok: identity/version-compare
    # indented comment: [ "$OS_MAJOR" -lt 8 ]
# ok: identity/version-compare
MAJOR_VERSION=9; echo "$MAJOR_VERSION"
-lt 8
# ruleid: identity/version-compare
x=1; test "$OS_MAJOR" -eq 7 && echo el7 # trailing comment
