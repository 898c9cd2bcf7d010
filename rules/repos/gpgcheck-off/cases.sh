#!/bin/bash
cat > /etc/yum.repos.d/vendor.repo <<'REPO'
[vendor]
baseurl=https://rpm.example.com/fedora/43/x86_64/
# gpgcheck=0 was the old setting
# ruleid: repos/gpgcheck-off
gpgcheck=0
# ok: repos/gpgcheck-off
repo_gpgcheck=1
REPO
# ruleid: repos/gpgcheck-off
dnf install -y --nogpgcheck ./agent.rpm
# ok: repos/gpgcheck-off
rpm --import https://rpm.example.com/key.asc
# ok: repos/gpgcheck-off
echo "gpgcheck=0"
