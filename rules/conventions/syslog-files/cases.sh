#!/bin/bash
# ruleid: conventions/syslog-files
tail -n 50 /var/log/syslog
# ruleid: conventions/syslog-files
grep "Failed password" /var/log/auth.log
# ruleid: conventions/syslog-files
grep -i error /var/log/messages | tail
# ok: conventions/syslog-files
journalctl -u nginx --since today
# ok: conventions/syslog-files
echo "see /var/log/syslog"
# ok: conventions/syslog-files
test -f /var/log/messages && echo present
# tail /var/log/syslog
