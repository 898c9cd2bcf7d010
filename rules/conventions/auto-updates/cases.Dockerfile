FROM ubuntu:24.04
# ruleid: conventions/auto-updates
COPY 50unattended-upgrades /etc/apt/apt.conf.d/50unattended-upgrades
# ok: conventions/auto-updates
RUN echo "no auto updates in images"
