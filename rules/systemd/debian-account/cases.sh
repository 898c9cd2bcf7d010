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

# The file creates the account before using it: nothing is missing.
groupadd -r www-data && useradd -r -g www-data -s /sbin/nologin www-data
# ok: systemd/debian-account
chown -R www-data:www-data /srv/app
# The group given to useradd must exist already; the user it creates is fine.
# ruleid: systemd/debian-account
adduser -u 82 -D -S -G nogroup appuser
# Adding an existing user to a group creates neither.
# ruleid: systemd/debian-account
adduser appuser nogroup
cat > /etc/systemd/system/php-fpm.service <<'EOF_UNIT'
[Service]
# ok: systemd/debian-account
User=www-data
EOF_UNIT
