#!/bin/bash
semanage fcontext -a -t httpd_sys_content_t '/srv/app(/.*)?'
restorecon -Rv /srv/app
cat > /etc/nginx/conf.d/app.conf <<'NGINX'
server {
    # ok: selinux/web-content-label
    root /srv/app/public;
    # ok: selinux/web-content-label
    root /srv/shop/www;
}
NGINX
