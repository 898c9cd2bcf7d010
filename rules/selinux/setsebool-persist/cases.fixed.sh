#!/bin/bash
# ruleid: selinux/setsebool-persist
setsebool -P httpd_can_network_connect on
# ruleid: selinux/setsebool-persist
sudo setsebool -P httpd_can_network_relay=1 httpd_enable_homedirs=1
# ok: selinux/setsebool-persist
setsebool -P httpd_can_network_connect on
# ok: selinux/setsebool-persist
getsebool httpd_can_network_connect
# ok: selinux/setsebool-persist
echo "setsebool httpd_can_network_connect on"
# setsebool httpd_can_network_connect on
