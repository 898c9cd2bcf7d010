#!/bin/bash
# target: azurelinux-4.0-container
# ruleid: platform/container-missing-tools
useradd -r -s /sbin/nologin svc
dnf install -y procps-ng
# ok: platform/container-missing-tools
ps aux
# ok: platform/container-missing-tools
echo "curl is optional"
