#!/bin/bash
dnf install -y rsyslog
systemctl enable --now rsyslog
# ok: conventions/syslog-files
tail -n 50 /var/log/messages
# ruleid: conventions/syslog-files
tail -n 50 /var/log/syslog
