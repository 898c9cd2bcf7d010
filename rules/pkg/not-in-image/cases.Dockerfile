FROM mcr.microsoft.com/azurelinux-beta/base/core:4.0 AS base
# ruleid: pkg/not-in-image
RUN useradd -r app
RUN dnf install -y procps-ng shadow-utils && dnf clean all
# ok: pkg/not-in-image
RUN ps aux && groupadd web
# ruleid: pkg/not-in-image
RUN curl -fsSL https://example.com/x -o /x
# ruleid: pkg/not-in-image
RUN tar -xf /x

FROM base AS tools
# ok: pkg/not-in-image
RUN pgrep -f app || true
# ruleid: pkg/not-in-image
RUN ip addr

FROM mcr.microsoft.com/azurelinux-beta/distroless/base:4.0
COPY --from=tools /x /x
# ruleid: pkg/not-in-image
RUN mkdir -p /data && chmod 700 /data

FROM ubuntu:22.04
# ok: pkg/not-in-image
RUN useradd -r app
