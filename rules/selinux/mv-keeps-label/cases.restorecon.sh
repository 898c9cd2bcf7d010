#!/bin/bash
# ok: selinux/mv-keeps-label
mv /home/deploy/site/* /var/www/html/
restorecon -Rv /var/www/html
