#!/bin/bash
# ruleid: crypto/legacy-tls
curl --tls-max 1.1 https://legacy.example.com/api
# ruleid: crypto/legacy-tls
openssl s_client -connect legacy.example.com:443 -tls1
# ok: crypto/legacy-tls
curl --tlsv1.2 https://api.example.com/
# ok: crypto/legacy-tls
echo "ssl_protocols TLSv1 TLSv1.1;"
cat > /etc/nginx/conf.d/ssl.conf <<'NGINX'
# ssl_protocols TLSv1;
# ruleid: crypto/legacy-tls, crypto/legacy-tls
ssl_protocols TLSv1 TLSv1.1 TLSv1.2;
# ok: crypto/legacy-tls
ssl_ciphers HIGH:!aNULL;
NGINX
cat > /etc/httpd/conf.d/ssl-proto.conf <<'HTTPD'
# ok: crypto/legacy-tls
SSLProtocol all -SSLv3 -TLSv1 -TLSv1.1
HTTPD
