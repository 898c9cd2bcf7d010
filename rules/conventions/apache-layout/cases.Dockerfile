FROM ubuntu:24.04
# ruleid: conventions/apache-layout
COPY site.conf /etc/apache2/sites-available/000-default.conf
# ruleid: conventions/apache-layout
RUN a2enmod headers
# ok: conventions/apache-layout
COPY site.conf /etc/httpd/conf.d/site.conf
