# Build image inherited from the Azure Linux 3.0 days.
FROM mcr.microsoft.com/azurelinux/base/core:3.0

RUN --mount=type=cache,target=/var/cache/tdnf \
    tdnf install -y gcc make git tar && \
    tdnf clean all

RUN tdnf autoremove -y shadow-utils

RUN <<EOF
set -eux
dnf config-manager --add-repo https://packages.example.com/rpm/example.repo
dnf groupinstall -y "Development Tools"
EOF
