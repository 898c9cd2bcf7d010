#!/bin/bash
setsebool -P httpd_can_network_connect on
cat > /etc/httpd/conf.d/app.conf <<'HTTPD'
# ok: selinux/proxy-network-connect
ProxyPass "/api" "http://127.0.0.1:8000/"
HTTPD
