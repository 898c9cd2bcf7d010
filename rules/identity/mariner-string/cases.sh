#!/bin/bash
# ruleid: identity/mariner-string
if grep -qi mariner /proc/version; then
  tdnf install -y jq
fi
# ruleid: identity/mariner-string
IS_MARINER=$(grep -c 'ID=mariner' /etc/os-release)
# ok: identity/mariner-string
grep -qiE 'mariner|azurelinux' /etc/os-release && dnf install -y jq
# ok: identity/mariner-string
cat /etc/mariner-release 2>/dev/null || true
# ok: identity/mariner-string
echo "grep mariner"
