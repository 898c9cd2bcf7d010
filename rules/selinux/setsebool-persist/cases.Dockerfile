FROM fedora:43
# ruleid: selinux/setsebool-persist
RUN setsebool container_manage_cgroup on || true
# ok: selinux/setsebool-persist
RUN setsebool -P container_manage_cgroup on || true
