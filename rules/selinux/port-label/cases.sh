#!/bin/bash
# ruleid: selinux/port-label
sed -i 's/^#\?Port 22$/Port 2222/' /etc/ssh/sshd_config
cat > /etc/nginx/conf.d/api.conf <<'NGINX'
server {
    # ruleid: selinux/port-label
    listen 8081;
    # ok: selinux/port-label
    listen 443 ssl;
    # listen 9999;
}
NGINX
# ok: selinux/port-label
echo "Port 2222"
