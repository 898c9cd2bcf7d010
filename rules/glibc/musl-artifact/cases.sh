#!/bin/bash
# ruleid: glibc/musl-artifact
curl -fsSLO https://github.com/BurntSushi/ripgrep/releases/download/14.1.0/ripgrep-14.1.0-x86_64-unknown-linux-musl.tar.gz
# ruleid: glibc/musl-artifact
ln -s /usr/lib64/libc.so.6 /lib/ld-musl-x86_64.so.1
# ok: glibc/musl-artifact
curl -fsSLO https://github.com/BurntSushi/ripgrep/releases/download/14.1.0/ripgrep-14.1.0-x86_64-unknown-linux-gnu.tar.gz
# ok: glibc/musl-artifact
echo "the musl build is ripgrep-x86_64-unknown-linux-musl"
