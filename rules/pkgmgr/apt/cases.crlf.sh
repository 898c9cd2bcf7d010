#!/bin/sh
# CRLF file
# ruleid: pkgmgr/apt
apt-get install -y curl
# ok: pkgmgr/apt
echo apt-get
