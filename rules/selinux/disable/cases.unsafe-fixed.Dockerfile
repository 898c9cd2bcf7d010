FROM centos:7
# ruleid: selinux/disable
RUN true
# ok: selinux/disable
RUN semanage fcontext -a -t httpd_sys_content_t "/srv/app(/.*)?" && restorecon -Rv /srv/app
