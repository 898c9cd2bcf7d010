#!/bin/bash
# ruleid: glibc/removed-features
systemctl enable --now nscd
# ruleid: glibc/removed-features
catchsegv ./server
# ruleid: glibc/removed-features
export LD_ASSUME_KERNEL=2.4.1
# ruleid: glibc/removed-features
LD_PRELOAD=/lib64/libSegFault.so ./server
# ok: glibc/removed-features
systemctl enable --now systemd-resolved
# ok: glibc/removed-features
echo "nscd is gone"
