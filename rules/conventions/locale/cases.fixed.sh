#!/bin/bash
# ruleid: conventions/locale
sed -i 's/^# *en_US.UTF-8/en_US.UTF-8/' /etc/locale.gen
# ruleid: conventions/locale
dnf install -y glibc-langpack-en
# ruleid: conventions/locale
update-locale LANG=en_US.UTF-8
# ruleid: conventions/locale
echo "Europe/Berlin" > /etc/timezone
# ok: conventions/locale
localectl set-locale LANG=en_US.UTF-8
# ok: conventions/locale
timedatectl set-timezone Europe/Berlin
# ok: conventions/locale
cat /etc/timezone
# ok: conventions/locale
echo "run locale-gen first"
# locale-gen en_US.UTF-8
