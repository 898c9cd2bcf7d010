#!/bin/bash
# ruleid: repos/fedora-only
dnf copr enable -y atim/lazygit
# ruleid: repos/fedora-only
dnf install -y https://mirrors.rpmfusion.org/free/fedora/rpmfusion-free-release-43.noarch.rpm
# ruleid: repos/fedora-only
dnf config-manager addrepo --from-repofile=https://download.docker.com/linux/fedora/docker-ce.repo
# ok: repos/fedora-only
dnf install -y moby-engine docker-cli
# ok: repos/fedora-only
echo "dnf copr enable atim/lazygit"
# dnf copr enable atim/lazygit
