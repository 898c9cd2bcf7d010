FROM fedora:43
# ruleid: pkgmgr/cache-paths
ARG DEBIAN_FRONTEND=noninteractive
# ruleid: pkgmgr/cache-paths
RUN --mount=type=cache,target=/var/cache/dnf dnf install -y gcc
# ruleid: pkgmgr/cache-paths
RUN dnf install -y make && rm -rf /var/cache/yum
# ruleid: pkgmgr/cache-paths
RUN rm -rf /var/lib/apt/lists/*
# ruleid: pkgmgr/cache-paths
RUN DEBIAN_FRONTEND=noninteractive dnf install -y curl
# ok: pkgmgr/cache-paths
RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y gcc && dnf clean all
# ok: pkgmgr/cache-paths
RUN echo "old cache was /var/cache/dnf"
