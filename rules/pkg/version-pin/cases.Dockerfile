FROM ubuntu:22.04
# ruleid: pkg/version-pin
RUN apt-get install -y --no-install-recommends curl=7.81.0-1ubuntu1.16 \
# ruleid: pkg/version-pin
    libc6:amd64=2.35-0ubuntu3.8
# ruleid: pkg/version-pin
RUN apk add --no-cache python3~3.11
# ok: pkg/version-pin
RUN apt-get install -y curl libc6:amd64
# ok: pkg/version-pin
RUN dnf install -y curl-8.15.0
# ok: pkg/version-pin
RUN echo "curl=7.81.0"
