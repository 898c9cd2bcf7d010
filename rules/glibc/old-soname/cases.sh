#!/bin/bash
# ruleid: glibc/old-soname
ln -s /usr/lib64/libffi.so.8 /usr/lib64/libffi.so.7
# ruleid: glibc/old-soname
export LD_PRELOAD=/opt/legacy/lib/libtinfo.so.5
# ruleid: glibc/old-soname
cp vendor/libcrypt.so.1 /opt/legacy/lib/
# ok: glibc/old-soname
test -e /usr/lib64/libnsl.so.1 || echo "missing"
# ok: glibc/old-soname
ldconfig -p | grep libncurses.so.5
# ok: glibc/old-soname
echo "needs libreadline.so.7"
# ln -s libffi.so.8 libffi.so.7
