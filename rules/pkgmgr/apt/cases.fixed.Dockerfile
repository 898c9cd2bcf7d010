FROM mcr.microsoft.com/azurelinux-beta/base/core:4.0
# ruleid: pkgmgr/apt
RUN \
    # a comment Docker drops
# ruleid: pkgmgr/apt
    dnf install -y --setopt=install_weak_deps=False \
        curl \
        ca-certificates
# ruleid: pkgmgr/apt
RUN ["apt-get", "install", "-y", "git"]
RUN <<EOF
set -e
# ruleid: pkgmgr/apt
dnf install -y make
EOF
RUN << 'EOT' bash
# ruleid: pkgmgr/apt
dnf install -y gcc
EOT
# ok: pkgmgr/apt
RUN cat <<EOF > /etc/motd
apt-get install is not how we install here
EOF
# ok: pkgmgr/apt
RUN echo "apt-get install curl" && dnf install -y curl
# ok: pkgmgr/apt
LABEL description="apt-get install"
