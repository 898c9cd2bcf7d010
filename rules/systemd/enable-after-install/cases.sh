#!/bin/bash
set -e
# ruleid: systemd/enable-after-install
dnf install -y nginx postgresql-server
# ok: systemd/enable-after-install
dnf install -y haproxy openssh-server
systemctl enable --now haproxy
systemctl enable postgresql.service
# ok: systemd/enable-after-install
dnf install -y moby-engine
