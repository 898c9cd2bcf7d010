#!/bin/bash
# ruleid: systemd/etc-conf-edit
sed -i 's/^#\?Storage=.*/Storage=persistent/' /etc/systemd/journald.conf
# ruleid: systemd/etc-conf-edit
echo "SystemMaxUse=200M" >> /etc/systemd/journald.conf
# ruleid: systemd/etc-conf-edit
echo "HandleLidSwitch=ignore" | sudo tee -a /etc/systemd/logind.conf
# ok: systemd/etc-conf-edit
printf '[Journal]\nStorage=persistent\n' > /etc/systemd/journald.conf.d/50-local.conf
# ok: systemd/etc-conf-edit
cat /etc/systemd/journald.conf
# ok: systemd/etc-conf-edit
echo "edit /etc/systemd/journald.conf with sed -i"
