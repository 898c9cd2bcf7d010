FROM fedora:43
# ruleid: selinux/chcon
RUN chcon -t container_file_t /data
# ok: selinux/chcon
RUN restorecon -R /data
