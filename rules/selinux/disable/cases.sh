#!/bin/bash
# ruleid: selinux/disable
setenforce 0
# ruleid: selinux/disable
sudo setenforce 0 && systemctl restart nginx
# ruleid: selinux/disable
sed -i 's/^SELINUX=enforcing/SELINUX=disabled/' /etc/selinux/config
# ruleid: selinux/disable
echo "SELINUX=permissive" > /etc/selinux/config
# ruleid: selinux/disable
grubby --update-kernel=ALL --args="selinux=0"
# ok: selinux/disable
setenforce 1
# ok: selinux/disable
sed -i 's/^SELINUX=disabled/SELINUX=enforcing/' /etc/selinux/config
# ok: selinux/disable
echo "Set SELINUX=disabled if this fails"
# ok: selinux/disable
getenforce
# setenforce 0
cat > /etc/selinux/config <<'CFG'
# SELINUX=disabled would be ignored anyway
# ruleid: selinux/disable
SELINUX=disabled
SELINUXTYPE=targeted
CFG
# ruleid: selinux/disable
echo "SELINUX=disabled" > /etc/selinux/config && reboot
# ruleid: selinux/disable
echo "SELINUX=disabled" | sudo tee /etc/selinux/config
