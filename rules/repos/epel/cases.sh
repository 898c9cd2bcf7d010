#!/bin/bash
# ruleid: repos/epel
dnf install -y epel-release
# ruleid: repos/epel
dnf install -y https://dl.fedoraproject.org/pub/epel/epel-release-latest-9.noarch.rpm
# ruleid: repos/epel
dnf --enablerepo=epel install -y htop
# ruleid: repos/epel
dnf config-manager --set-enabled crb
# ok: repos/epel
dnf install -y htop
# ok: repos/epel
echo "install epel-release first"
# dnf install -y epel-release
