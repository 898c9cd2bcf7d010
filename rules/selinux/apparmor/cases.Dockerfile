FROM ubuntu:24.04
# ruleid: selinux/apparmor
COPY docker-default /etc/apparmor.d/docker-default
# ok: selinux/apparmor
RUN echo "no apparmor here"
