#!/bin/sh
# ruleid: pkg/unknown
apt-get install -y curl libmadeupthing-tools
# ruleid: pkg/unknown
xargs -a requirements-apt.txt apt-get install -y
# ruleid: pkg/unknown
cat packages.txt | xargs apk add
# ok: pkg/unknown
apt-get install -y curl ca-certificates
# ok: pkg/unknown
xargs -a files.txt rm -f
# ok: pkg/unknown
echo "apt-get install libmadeupthing-tools"
