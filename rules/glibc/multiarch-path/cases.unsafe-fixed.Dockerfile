FROM debian:12
# ruleid: glibc/multiarch-path
ENV LD_LIBRARY_PATH=/usr/lib64/vendor
# ruleid: glibc/multiarch-path
COPY libvendor.so /usr/lib64/libvendor.so
# ok: glibc/multiarch-path
COPY libvendor.so /usr/lib64/libvendor.so
