#!/bin/bash
# ruleid: repos/foreign-release-repo
curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
# ruleid: repos/foreign-release-repo
dnf config-manager addrepo --from-repofile=https://download.docker.com/linux/centos/docker-ce.repo
# ruleid: repos/foreign-release-repo
curl -sSL -O https://packages.microsoft.com/config/ubuntu/22.04/packages-microsoft-prod.deb
# ruleid: repos/foreign-release-repo
dnf install -y https://example.com/agent/agent-2.1.el7.x86_64.rpm
cat > /etc/yum.repos.d/vendor.repo <<'REPO'
[vendor]
# ruleid: repos/foreign-release-repo
baseurl=https://repo.example.com/el/8/x86_64/
REPO
# ok: repos/foreign-release-repo
curl -fsSL https://packages.microsoft.com/azurelinux/4.0/beta/base/x86_64/repodata/repomd.xml -o /dev/null
# ok: repos/foreign-release-repo
echo "see https://deb.nodesource.com/setup_20.x"
# curl https://deb.nodesource.com/setup_20.x | bash
