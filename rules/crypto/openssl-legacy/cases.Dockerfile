FROM ubuntu:20.04
# ruleid: crypto/openssl-legacy
RUN apt-get update && apt-get install -y libssl1.1
# ruleid: crypto/openssl-legacy
COPY vendor/libssl.so.1.1 /usr/local/lib/libssl.so.1.1
# ok: crypto/openssl-legacy
RUN dnf install -y openssl-libs
