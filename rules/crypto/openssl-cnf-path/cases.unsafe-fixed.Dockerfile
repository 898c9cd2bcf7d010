FROM debian:12
# ruleid: crypto/openssl-cnf-path
COPY openssl.cnf /etc/pki/tls/openssl.cnf
# ruleid: crypto/openssl-cnf-path
ENV OPENSSL_CONF=/etc/pki/tls/openssl.cnf
# ok: crypto/openssl-cnf-path
ENV OPENSSL_CONF=/etc/pki/tls/openssl.cnf
