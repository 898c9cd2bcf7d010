#!/bin/bash
# ruleid: platform/fips
fips-mode-setup --enable
# ruleid: platform/fips
grubby --update-kernel=ALL --args="fips=1"
# ruleid: platform/fips
update-crypto-policies --set FIPS
# ok: platform/fips
update-crypto-policies --set DEFAULT
# ok: platform/fips
echo "fips=1 is set by the image"
# fips-mode-setup --enable
