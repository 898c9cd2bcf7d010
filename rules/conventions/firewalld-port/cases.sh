#!/bin/bash
cat > /etc/nginx/conf.d/app.conf <<'NGINX'
server {
    # ruleid: conventions/firewalld-port
    listen 8081;
    # ok: conventions/firewalld-port
    listen 443 ssl;
    # listen 9999;
}
NGINX
firewall-cmd --permanent --add-service=https
# ok: conventions/firewalld-port
echo "listen 8081;"
