#!/bin/sh
# ruleid: systemd/sysv-init
### BEGIN INIT INFO
# Provides:          webapp
# Required-Start:    $remote_fs
# Default-Start:     2 3 4 5
### END INIT INFO
# ruleid: systemd/sysv-init
. /lib/lsb/init-functions

case "$1" in
  start)
    # ruleid: systemd/sysv-init
    start-stop-daemon --start --exec /usr/sbin/webappd
    ;;
esac

# ruleid: systemd/sysv-init
update-rc.d webapp defaults
# ruleid: systemd/sysv-init
invoke-rc.d webapp restart
# ok: systemd/sysv-init
echo "run update-rc.d webapp defaults"
# ok: systemd/sysv-init
chkconfig webapp on
# ruleid: systemd/sysv-init
chmod +x /etc/rc.local
