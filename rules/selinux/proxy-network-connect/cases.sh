#!/bin/bash
cat > /etc/nginx/conf.d/app.conf <<'NGINX'
server {
    listen 80;
    location / {
        # proxy_pass http://127.0.0.1:9000; (old)
        # ruleid: selinux/proxy-network-connect
        proxy_pass http://127.0.0.1:8000;
    }
    location /sock/ {
        # ok: selinux/proxy-network-connect
        proxy_pass http://unix:/run/app/app.sock;
    }
}
NGINX
# ok: selinux/proxy-network-connect
echo "proxy_pass http://127.0.0.1:8000;"
