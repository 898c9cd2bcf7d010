FROM fedora:43
# ruleid: repos/gpgcheck-off
RUN dnf --setopt=gpgcheck=0 install -y ./vendor.rpm
# ok: repos/gpgcheck-off
RUN dnf install -y ./vendor.rpm
