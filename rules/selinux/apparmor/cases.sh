#!/bin/bash
# ruleid: selinux/apparmor
cp profiles/usr.sbin.app /etc/apparmor.d/usr.sbin.app
# ruleid: selinux/apparmor, selinux/apparmor
apparmor_parser -r /etc/apparmor.d/usr.sbin.app
# ruleid: selinux/apparmor
aa-enforce usr.sbin.app
# ruleid: selinux/apparmor
docker run -d --security-opt apparmor=unconfined myimage
# ok: selinux/apparmor
docker run -d --security-opt label=type:container_runtime_t myimage
# ok: selinux/apparmor
echo "apparmor_parser is not needed"
# aa-status
if [ -d /sys/kernel/security/apparmor ]; then
  echo "AppArmor active"
fi
