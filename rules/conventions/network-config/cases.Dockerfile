FROM ubuntu:22.04
# ruleid: conventions/network-config
COPY 01-netcfg.yaml /etc/netplan/01-netcfg.yaml
# ok: conventions/network-config
COPY 10-eth0.network /etc/systemd/network/10-eth0.network
