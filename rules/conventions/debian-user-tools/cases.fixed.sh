#!/bin/bash
# ruleid: conventions/debian-user-tools
adduser --disabled-password --gecos "" app
# ruleid: conventions/debian-user-tools
sudo adduser --system --group --no-create-home svc
# ruleid: conventions/debian-user-tools
userdel olduser
# ruleid: conventions/debian-user-tools
deluser --remove-home olduser
# ruleid: conventions/debian-user-tools
groupdel oldgroup
# ok: conventions/debian-user-tools
useradd --create-home --shell /bin/bash app
# ok: conventions/debian-user-tools
adduser app
# ok: conventions/debian-user-tools
echo "deluser is Debian only"
# deluser olduser
