FROM mcr.microsoft.com/azurelinux-beta/base/core:4.0
# ruleid: pkgmgr/apt
RUN apt-get update && \
    # a comment Docker drops
# ruleid: pkgmgr/apt
    apt-get install -y --no-install-recommends \
        curl \
        ca-certificates
# ruleid: pkgmgr/apt
RUN ["apt-get", "install", "-y", "git"]
RUN <<EOF
set -e
# ruleid: pkgmgr/apt
apt-get install -y make
EOF
RUN << 'EOT' bash
# ruleid: pkgmgr/apt
apt install -y gcc
EOT
# ok: pkgmgr/apt
RUN cat <<EOF > /etc/motd
apt-get install is not how we install here
EOF
# ok: pkgmgr/apt
RUN echo "apt-get install curl" && dnf install -y curl
# ok: pkgmgr/apt
LABEL description="apt-get install"
