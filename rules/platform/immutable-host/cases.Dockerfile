# target: azure-container-linux
FROM mcr.microsoft.com/azurelinux-beta/base/core:4.0
# ok: platform/immutable-host
RUN dnf install -y jq && cp /tmp/tool /usr/local/bin/tool
