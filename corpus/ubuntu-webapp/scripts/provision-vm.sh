#!/bin/bash
# Prepares a fresh Ubuntu VM for the web app. Run once as root by the VM's custom script extension.
set -euo pipefail

# Locale and the operators' admin access
locale-gen en_US.UTF-8
usermod -aG sudo deploy

# Corporate root CA, needed to reach the internal package mirror
cp /opt/webapp/certs/corp-root.crt /usr/local/share/ca-certificates/corp-root.crt
update-ca-certificates

# The image-resize library shipped with the app was built on Ubuntu 20.04
export LD_LIBRARY_PATH=/opt/webapp/lib:/usr/lib/x86_64-linux-gnu
ln -sf /usr/lib/x86_64-linux-gnu/libffi.so.8 /opt/webapp/lib/libffi.so.7

# nginx in front of the app; the static files are deployed to /srv/webapp
cat > /etc/nginx/conf.d/webapp.conf <<'NGINX'
server {
    listen 8081 ssl;
    ssl_certificate     /etc/pki/tls/certs/webapp.crt;
    ssl_certificate_key /etc/pki/tls/private/webapp.key;
    ssl_protocols TLSv1.1 TLSv1.2;
    root /srv/webapp/public;
    location /api/ {
        proxy_pass http://127.0.0.1:3000;
    }
}
NGINX

# Self-signed certificate for the internal health endpoint
openssl req -x509 -newkey rsa:1024 -sha1 -nodes -days 365 -subj /CN=webapp \
  -keyout /etc/pki/tls/private/webapp.key -out /etc/pki/tls/certs/webapp.crt

# The old CentOS hosts needed this for nginx to read /srv/webapp
setenforce 0 || true

# Card payments: the PCI assessor asked for FIPS mode on the payment hosts
fips-mode-setup --enable

# Worker dependencies and the one-off data migration
pip3 install --break-system-packages -r /opt/webapp/worker/requirements.txt
python /opt/webapp/worker/migrate.py

systemctl restart nginx
tail -n 20 /var/log/syslog
