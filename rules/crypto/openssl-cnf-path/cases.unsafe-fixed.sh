#!/bin/bash
# ruleid: crypto/openssl-cnf-path
sed -i 's/^openssl_conf = .*/openssl_conf = default_conf/' /etc/pki/tls/openssl.cnf
# ok: crypto/openssl-cnf-path
sed -i 's/^#\?\s*providers/providers/' /etc/pki/tls/openssl.cnf
# ok: crypto/openssl-cnf-path
curl --cacert /etc/ssl/certs/ca-certificates.crt https://example.com/
# ok: crypto/openssl-cnf-path
echo "edit /etc/ssl/openssl.cnf"
