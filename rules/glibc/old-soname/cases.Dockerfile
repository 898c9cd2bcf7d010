FROM ubuntu:18.04
# ruleid: glibc/old-soname
COPY vendor/libreadline.so.7 /usr/local/lib/libreadline.so.7
# ok: glibc/old-soname
RUN ldconfig
