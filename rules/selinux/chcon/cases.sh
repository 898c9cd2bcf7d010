#!/bin/bash
# ruleid: selinux/chcon
chcon -R -t httpd_sys_content_t /srv/app/static
# ruleid: selinux/chcon
sudo chcon --type=bin_t /opt/app/bin/server
# ok: selinux/chcon
semanage fcontext -a -t httpd_sys_content_t '/srv/app/static(/.*)?'
# ok: selinux/chcon
restorecon -Rv /srv/app/static
# ok: selinux/chcon
echo "do not use chcon"
# chcon -t bin_t /opt/app
