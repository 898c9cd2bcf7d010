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
