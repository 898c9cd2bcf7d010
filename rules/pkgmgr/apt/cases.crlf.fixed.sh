#!/bin/sh
# CRLF file
# ruleid: pkgmgr/apt
dnf install -y curl
# ok: pkgmgr/apt
echo apt-get
