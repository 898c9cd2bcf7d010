#!/bin/bash
# ruleid: conventions/auto-updates
systemctl enable --now unattended-upgrades
# ruleid: conventions/auto-updates
echo 'APT::Periodic::Unattended-Upgrade "1";' > /etc/apt/apt.conf.d/20auto-upgrades
# ruleid: conventions/auto-updates
systemctl enable --now dnf-automatic-install.timer
# ok: conventions/auto-updates
systemctl enable --now dnf5-automatic.timer
# ok: conventions/auto-updates
echo "unattended-upgrades is configured"
