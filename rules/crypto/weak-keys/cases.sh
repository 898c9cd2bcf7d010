#!/bin/bash
# ruleid: crypto/weak-keys, crypto/weak-keys
openssl req -x509 -newkey rsa:1024 -sha1 -nodes -keyout key.pem -out cert.pem -days 365 -subj /CN=test
# ruleid: crypto/weak-keys
openssl genrsa -out old.key 1024
# ruleid: crypto/weak-keys
openssl dhparam -out dh.pem 1024
# ruleid: crypto/weak-keys
ssh-keygen -t dsa -f /etc/ssh/ssh_host_dsa_key -N ''
# ok: crypto/weak-keys
openssl req -x509 -newkey rsa:3072 -sha256 -nodes -keyout key.pem -out cert.pem -days 365 -subj /CN=test
# ok: crypto/weak-keys
openssl dgst -sha1 release.tar.gz
# ok: crypto/weak-keys
ssh-keygen -t ed25519 -f id -N ''
# ok: crypto/weak-keys
echo "openssl genrsa 1024"
