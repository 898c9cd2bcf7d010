#!/bin/sh
# ok: identity/no-azurelinux-branch
command -v apt-get >/dev/null && apt-get install -y unzip
# ok: identity/no-azurelinux-branch
command -v dnf >/dev/null && dnf install -y unzip
