ARG BASE=ubuntu:22.04
ARG RUNTIME
# ruleid: image/base-image
FROM ${BASE} AS build
# ok: image/base-image
FROM build AS test
# ruleid: image/base-image
FROM mcr.microsoft.com/azurelinux-beta/distroless/base:4.0 AS mariner
# ruleid: image/base-image
FROM mcr.microsoft.com/azurelinux-beta/base/core:4.0
# ruleid: image/base-image
FROM --platform=linux/amd64 mcr.microsoft.com/azurelinux-beta/base/core:4.0
# ruleid: image/base-image
FROM ${RUNTIME}
# ruleid: image/base-image
FROM mcr.microsoft.com/azurelinux-beta/base/core:4.0
# ok: image/base-image
FROM mcr.microsoft.com/azurelinux-beta/base/core:4.0
# ok: image/base-image
FROM mcr.microsoft.com/azurelinux-beta/distroless/base:4.0
# ok: image/base-image
FROM scratch
# ok: image/base-image
FROM myregistry.example.com/team/app:1.2
