FROM fedora:43
# ruleid: pkgmgr/cache-paths
ARG DEBIAN_FRONTEND=noninteractive
# ruleid: pkgmgr/cache-paths
RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y gcc
# ruleid: pkgmgr/cache-paths
RUN dnf install -y make && dnf clean all
# ruleid: pkgmgr/cache-paths
RUN dnf clean all
# ruleid: pkgmgr/cache-paths
RUN dnf install -y curl
# ok: pkgmgr/cache-paths
RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y gcc && dnf clean all
# ok: pkgmgr/cache-paths
RUN echo "old cache was /var/cache/dnf"
