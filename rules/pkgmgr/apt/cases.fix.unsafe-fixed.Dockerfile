FROM ubuntu:22.04
# ruleid: pkgmgr/apt
RUN \
# ruleid: pkgmgr/apt
    dnf install -y --setopt=install_weak_deps=False \
        openssl-devel \
        ca-certificates \
        gcc gcc-c++ make glibc-devel && \
    rm -rf /var/lib/apt/lists/*
# ruleid: pkgmgr/apt, pkgmgr/apt
RUN dnf -y remove curl && dnf clean all
# ruleid: pkgmgr/apt
RUN apt-get install -y software-properties-common
