FROM mcr.microsoft.com/azurelinux/base/core:3.0
# ruleid: pkgmgr/tdnf, pkgmgr/tdnf
RUN dnf install -y ca-certificates && dnf clean all
# ruleid: pkgmgr/tdnf
RUN dnf remove -y shadow-utils
# ruleid: pkgmgr/tdnf, pkgmgr/tdnf
RUN dnf install -y --releasever=3.0 --installroot=/staging --use-host-config bash
# ruleid: pkgmgr/tdnf
RUN echo "repo_gpgcheck=1" >> /etc/tdnf/tdnf.conf
# ok: pkgmgr/tdnf
RUN dnf install -y ca-certificates
# ok: pkgmgr/tdnf
RUN echo "tdnf is gone"
