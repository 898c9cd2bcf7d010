FROM rockylinux:9
# ruleid: repos/modules
RUN dnf -y module enable nodejs:20 && dnf -y install nodejs
# ok: repos/modules
RUN dnf -y install nodejs24
