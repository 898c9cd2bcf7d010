#!/bin/bash
# target: azure-container-linux
# ruleid: platform/immutable-host
apt-get install -y jq
# ruleid: platform/immutable-host
dnf install -y nvidia-driver
# ruleid: platform/immutable-host
curl -fsSL -o /usr/local/bin/kubectl https://dl.k8s.io/release/v1.34.0/bin/linux/amd64/kubectl
# ruleid: platform/immutable-host
cp agent.service /usr/lib/systemd/system/agent.service
# ruleid: platform/immutable-host
dkms install -m vendor-net -v 1.2
# ok: platform/immutable-host
cp agent.service /etc/systemd/system/agent.service
# ok: platform/immutable-host
curl -fsSL -o /opt/bin/kubectl https://dl.k8s.io/release/v1.34.0/bin/linux/amd64/kubectl
# ok: platform/immutable-host
rpm -q kernel
# ok: platform/immutable-host
echo "apt-get install -y jq"
