FROM ubuntu:24.04
RUN apt-get update && apt-get install -y procps
# ok: platform/container-missing-tools
RUN ps aux
# ruleid: platform/container-missing-tools
RUN useradd -m app
# ruleid: platform/container-missing-tools
RUN curl -fsSL https://example.com/install.sh -o /tmp/install.sh
# ok: platform/container-missing-tools
RUN echo "useradd is needed"

FROM alpine:3.20 AS busybox-user
# BusyBox's adduser options: the message says to rewrite with useradd, not only to install shadow-utils.
# ruleid: platform/container-missing-tools
RUN addgroup -S -g 70 postgres && adduser -u 70 -S -D -G postgres -H -h /var/lib/postgresql -s /bin/sh postgres
# ruleid: platform/container-missing-tools
RUN adduser app

FROM python:3.12-slim AS tools
# ok: platform/container-missing-tools
RUN find / -name '*.pyc' -delete

# Stages already on Azure Linux 4.0 are reported by pkg/not-in-image instead.
FROM mcr.microsoft.com/azurelinux-beta/distroless/base:4.0
# ok: platform/container-missing-tools
RUN mkdir -p /app
FROM mcr.microsoft.com/azurelinux-beta/base/core:4.0
# ok: platform/container-missing-tools
RUN useradd -m app
