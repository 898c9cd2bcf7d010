FROM ubuntu:22.04
# ruleid: pkgmgr/apt
RUN apt-get update && \
# ruleid: pkgmgr/apt
    apt-get install -y --no-install-recommends \
        libssl-dev \
        ca-certificates \
        build-essential && \
    rm -rf /var/lib/apt/lists/*
# ruleid: pkgmgr/apt, pkgmgr/apt
RUN apt-get -y purge curl && apt-get clean
# ruleid: pkgmgr/apt
RUN apt-get install -y software-properties-common
