#!/bin/bash
# ruleid: conventions/ca-certificates
cp corp-root.crt /etc/pki/ca-trust/source/anchors/corp-root.crt
# ruleid: conventions/ca-certificates
sudo update-ca-trust
# ruleid: conventions/ca-certificates
sh -c 'update-ca-certificates --fresh'
# ok: conventions/ca-certificates
cp corp-root.crt /etc/pki/ca-trust/source/anchors/ && update-ca-trust
# ok: conventions/ca-certificates
export SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt
# ok: conventions/ca-certificates
echo "run update-ca-certificates after copying to /usr/local/share/ca-certificates"
# update-ca-certificates is the Debian way
# ok: conventions/ca-certificates
rm -f /usr/local/share/ca-certificates/old.crt
if command -v apt-get >/dev/null; then
  # ok: conventions/ca-certificates
  update-ca-certificates
else
  # ok: conventions/ca-certificates
  update-ca-trust
fi
