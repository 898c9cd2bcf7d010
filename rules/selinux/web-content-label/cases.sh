#!/bin/bash
cat > /etc/nginx/conf.d/app.conf <<'NGINX'
server {
    listen 80;
    # root /opt/old is a comment
    # ruleid: selinux/web-content-label
    root /srv/app/public;
    # ok: selinux/web-content-label
    location /static/ { alias /var/www/app/static/; }
    # ruleid: selinux/web-content-label
    access_log /opt/app/logs/access.log;
}
NGINX
# ruleid: selinux/web-content-label
sed -i 's|DocumentRoot "/var/www/html"|DocumentRoot "/data/site"|' /etc/httpd/conf/httpd.conf
# ok: selinux/web-content-label
echo "root /srv/app/public;"
