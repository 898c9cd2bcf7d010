#!/bin/bash
# ruleid: conventions/apache-layout
cp app.conf /etc/apache2/sites-available/app.conf
# ruleid: conventions/apache-layout
a2ensite app
# ruleid: conventions/apache-layout
a2enmod rewrite proxy_http
# ruleid: conventions/apache-layout
systemctl reload apache2
# ok: conventions/apache-layout
cp app.conf /etc/httpd/conf.d/app.conf
# ok: conventions/apache-layout
systemctl reload httpd
# ok: conventions/apache-layout
echo "a2enmod rewrite"
# a2enmod rewrite
