#!/bin/sh
# ruleid: systemd/debian-account
chown -R www-data:www-data /var/www/app
# ruleid: systemd/debian-account
chgrp nogroup /srv/share
# ok: systemd/debian-account
chown -R nginx:nginx /var/www/app
# ok: systemd/debian-account
echo "chown www-data"
# ok: systemd/debian-account
cp /etc/www-data.conf /tmp/
# ok: systemd/debian-account
useradd --system --shell /usr/sbin/nologin --gid nobody webapp
cat > /etc/systemd/system/webapp.service <<'EOF_UNIT'
[Service]
# ruleid: systemd/debian-account
User=www-data
# ok: systemd/debian-account
Group=webapp
EOF_UNIT
