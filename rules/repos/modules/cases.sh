#!/bin/bash
# ruleid: repos/modules
dnf module enable -y nodejs:20
# ruleid: repos/modules
yum -y module install php:8.2
# ruleid: repos/modules
dnf module reset -y postgresql
# ok: repos/modules
dnf install -y nodejs
# ok: repos/modules
echo "dnf module enable nodejs:20"
cat > /etc/yum.repos.d/pg.repo <<'REPO'
[pg]
# ruleid: repos/modules
module_hotfixes=1
REPO
