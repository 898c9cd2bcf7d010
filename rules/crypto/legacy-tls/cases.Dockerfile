FROM nginx:1.27
# ruleid: crypto/legacy-tls
RUN sed -i 's/ssl_protocols .*/ssl_protocols TLSv1.1 TLSv1.2;/' /etc/nginx/nginx.conf
# ok: crypto/legacy-tls
RUN sed -i 's/ssl_protocols .*/ssl_protocols TLSv1.2 TLSv1.3;/' /etc/nginx/nginx.conf
