#!/bin/sh
set -e
# Start nginx, then the app. Comments mentioning apt-get are fine.
nginx
exec node /var/www/app/server.js
