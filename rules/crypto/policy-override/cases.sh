#!/bin/bash
# ruleid: crypto/policy-override
update-crypto-policies --set LEGACY
# ruleid: crypto/policy-override
curl --ciphers 'DEFAULT@SECLEVEL=1' https://old.example.com/
# ok: crypto/policy-override
update-crypto-policies --set DEFAULT
# ok: crypto/policy-override
echo "CipherString = DEFAULT@SECLEVEL=1"
cat > /etc/pki/tls/openssl-legacy.cnf <<'CNF'
[system_default_sect]
# ruleid: crypto/policy-override
MinProtocol = TLSv1
# ruleid: crypto/policy-override
CipherString = DEFAULT@SECLEVEL=0
# CipherString = DEFAULT@SECLEVEL=1
CNF
