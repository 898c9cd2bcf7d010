FROM debian:12
# ruleid: conventions/time-sync
COPY ntp.conf /etc/ntp.conf
# ok: conventions/time-sync
COPY chrony-custom.conf /etc/chrony.d/custom.conf
