#!/bin/bash
# ruleid: pkgmgr/apt-repository
curl -fsSL https://download.docker.com/linux/ubuntu/gpg | sudo apt-key add -
# ruleid: pkgmgr/apt-repository
add-apt-repository -y ppa:deadsnakes/ppa
# ruleid: pkgmgr/apt-repository
echo "deb [signed-by=/usr/share/keyrings/docker.gpg] https://download.docker.com/linux/ubuntu jammy stable" > /etc/apt/sources.list.d/docker.list
# ruleid: pkgmgr/apt-repository
curl -fsSL https://packages.example.com/key.gpg | gpg --dearmor -o /usr/share/keyrings/example.gpg
# ruleid: pkgmgr/apt-repository
echo "deb http://deb.example.com stable main" | sudo tee -a /etc/apt/sources.list
# ok: pkgmgr/apt-repository
echo "Add the key to /usr/share/keyrings/example.gpg yourself"
# ok: pkgmgr/apt-repository
cat > /etc/yum.repos.d/example.repo <<'REPO'
[example]
baseurl=https://rpm.example.com/fedora/43/x86_64
REPO
# ok: pkgmgr/apt-repository
rpm --import https://rpm.example.com/key.asc
