#!/bin/bash
# ruleid: crypto/openssl-legacy
ln -s /usr/lib64/libssl.so.3 /usr/lib64/libssl.so.1.1
# ruleid: crypto/openssl-legacy
export LD_PRELOAD=/opt/vendor/lib/libcrypto.so.1.1; /opt/vendor/bin/agent
# ruleid: crypto/openssl-legacy
yum install -y compat-openssl11
# ok: crypto/openssl-legacy
ldd /opt/vendor/bin/agent | grep libssl.so.3
# ok: crypto/openssl-legacy
echo "needs libssl.so.1.1"
# ln -s libssl.so.3 libssl.so.1.1
