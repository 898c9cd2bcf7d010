#!/bin/bash
# ruleid: selinux/mv-keeps-label
mv /tmp/app.conf /etc/nginx/conf.d/app.conf
# ruleid: selinux/mv-keeps-label
sudo mv ~/build/server /usr/local/bin/server
# ok: selinux/mv-keeps-label
install -m 0755 ~/build/server /usr/local/bin/server
# ok: selinux/mv-keeps-label
mv -Z /tmp/site.conf /etc/httpd/conf.d/site.conf
# ok: selinux/mv-keeps-label
mv /etc/nginx/nginx.conf /etc/nginx/nginx.conf.bak
# ok: selinux/mv-keeps-label
echo "mv /tmp/x /etc/x"
# mv /tmp/x /etc/x
