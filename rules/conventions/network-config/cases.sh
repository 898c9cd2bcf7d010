#!/bin/bash
# ruleid: conventions/network-config
cat > /etc/netplan/60-static.yaml <<'YAML'
network:
  version: 2
YAML
# ruleid: conventions/network-config
netplan apply
# ruleid: conventions/network-config
echo "auto eth1" >> /etc/network/interfaces
# ruleid: conventions/network-config
ifup eth1
# ruleid: conventions/network-config
sudo nmcli con mod eth0 ipv4.dns 10.0.0.2
# ruleid: conventions/network-config
echo "nameserver 10.0.0.2" > /etc/resolv.conf
# ok: conventions/network-config
grep nameserver /etc/resolv.conf
# ok: conventions/network-config
networkctl reload
# ok: conventions/network-config
echo "netplan apply is not needed"
# ok: conventions/network-config
[ -d /etc/netplan ] && echo "has netplan"
# netplan apply
. /etc/os-release
if [ "$ID" = ubuntu ]; then
  # ok: conventions/network-config
  netplan apply
else
  networkctl reload
fi
