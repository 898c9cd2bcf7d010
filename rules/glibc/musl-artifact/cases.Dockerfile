FROM alpine:3.20
# ruleid: glibc/musl-artifact
RUN wget -q https://unofficial-builds.nodejs.org/download/release/v22.11.0/node-v22.11.0-linux-x64-musl.tar.xz
# ok: glibc/musl-artifact
RUN wget -q https://nodejs.org/dist/v22.11.0/node-v22.11.0-linux-x64.tar.xz
