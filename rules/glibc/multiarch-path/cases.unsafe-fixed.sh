#!/bin/bash
# ruleid: glibc/multiarch-path
export LD_LIBRARY_PATH=/usr/lib64:/opt/app/lib
# ruleid: glibc/multiarch-path
gcc -o app main.c -L/usr/lib64 -lfoo
# ruleid: glibc/multiarch-path
cp build/libfoo.so /usr/lib64/
# ok: glibc/multiarch-path
cp build/libfoo.so /usr/lib64/
# ok: glibc/multiarch-path
echo "libraries are in /usr/lib/x86_64-linux-gnu on Debian"
