#!/bin/bash
# ruleid: conventions/firewall
firewall-cmd --permanent --add-port=8080/tcp && firewall-cmd --reload
# ruleid: conventions/firewall
sudo firewall-cmd --permanent --add-port=6000-6010/tcp --add-port=6000-6010/udp && sudo firewall-cmd --reload
# ruleid: conventions/firewall
ufw allow OpenSSH
# ruleid: conventions/firewall
sudo ufw --force enable
# ruleid: conventions/firewall
iptables-save > /etc/iptables/rules.v4
# ruleid: conventions/firewall
netfilter-persistent save
# ok: conventions/firewall
firewall-cmd --permanent --add-port=8080/tcp
# ok: conventions/firewall
echo "ufw allow 8080/tcp is done by the Ansible role"
# ufw allow 22
if command -v ufw >/dev/null 2>&1 && [ -f /etc/debian_version ]; then
  # ok: conventions/firewall
  ufw allow 22
elif command -v dnf >/dev/null 2>&1; then
  firewall-cmd --permanent --add-service=ssh
fi
