FROM centos:7
# ruleid: selinux/disable
RUN sed -i 's/SELINUX=enforcing/SELINUX=permissive/g' /etc/selinux/config
# ok: selinux/disable
RUN semanage fcontext -a -t httpd_sys_content_t "/srv/app(/.*)?" && restorecon -Rv /srv/app
