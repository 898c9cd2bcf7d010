FROM debian:12
# ruleid: crypto/openssl-cnf-path
COPY openssl.cnf /etc/ssl/openssl.cnf
# ruleid: crypto/openssl-cnf-path
ENV OPENSSL_CONF=/usr/lib/ssl/openssl.cnf
# ok: crypto/openssl-cnf-path
ENV OPENSSL_CONF=/etc/pki/tls/openssl.cnf
