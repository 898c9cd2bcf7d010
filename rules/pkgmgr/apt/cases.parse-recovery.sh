#!/bin/sh
# tree-sitter-bash fails on these valid lines, and its error swallows what follows; the lines after the error
# are parsed again, so their commands are still reported.
if [ ! grep --quiet tox /etc/hosts ]; then echo none; fi
# ruleid: pkgmgr/apt
apt-get install -y tox quilt
release="${version%]}"
# ruleid: pkgmgr/apt
apt-get install -y jq
# ok: pkgmgr/apt
echo "apt-get is not a command here"
