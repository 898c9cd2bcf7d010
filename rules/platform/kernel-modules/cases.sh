#!/bin/bash
# ruleid: platform/kernel-modules
dkms install -m vendor-net -v 1.2.3
# ruleid: platform/kernel-modules
insmod /opt/vendor/vendor_net.ko
# ok: platform/kernel-modules
modprobe br_netfilter
# ok: platform/kernel-modules
echo "dkms install is done by the installer"
