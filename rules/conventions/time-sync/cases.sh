#!/bin/bash
# ruleid: conventions/time-sync
ntpdate -u pool.ntp.org
# ruleid: conventions/time-sync
echo "server ntp.corp.example iburst" >> /etc/ntp.conf
# ruleid: conventions/time-sync
systemctl enable --now ntp
# ok: conventions/time-sync
chronyc makestep
# ok: conventions/time-sync
systemctl restart chronyd
# ok: conventions/time-sync
echo "ntpdate is not used any more"
# ntpdate pool.ntp.org
