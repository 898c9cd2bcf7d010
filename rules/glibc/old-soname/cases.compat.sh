#!/bin/bash
dnf install -y libxcrypt-compat
# ok: glibc/old-soname
export LD_PRELOAD=/usr/lib64/libcrypt.so.1
