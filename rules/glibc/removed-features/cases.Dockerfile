FROM centos:7
# ruleid: glibc/removed-features
COPY nscd.conf /etc/nscd.conf
# ok: glibc/removed-features
ENV LD_BIND_NOW=1
