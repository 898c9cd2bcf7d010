FROM ubuntu:22.04
# ruleid: pkgmgr/apt-repository
COPY docker.list /etc/apt/sources.list.d/docker.list
# ok: pkgmgr/apt-repository
COPY example.repo /etc/yum.repos.d/example.repo
