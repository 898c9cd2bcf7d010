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
# Installed to stay stopped: the file decides the service's state.
# ok: systemd/enable-after-install
apt-get install -y apache2
systemctl disable apache2.service
# ok: systemd/enable-after-install
apt-get install -y memcached
systemctl mask memcached
# ruleid: systemd/enable-after-install
apt-get install -y mysql-server
systemctl enable mariadb
