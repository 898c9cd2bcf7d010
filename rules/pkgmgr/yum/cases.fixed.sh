#!/bin/bash
# ruleid: pkgmgr/yum
dnf install -y httpd
# ruleid: pkgmgr/yum
yum-config-manager --add-repo https://download.docker.com/linux/centos/docker-ce.repo
# ruleid: pkgmgr/yum
repoquery --requires nginx
# ok: pkgmgr/yum
dnf install -y httpd
# ok: pkgmgr/yum
echo "yum install httpd"
