FROM ubuntu:24.04
# ruleid: conventions/syslog-files
RUN grep -q started /var/log/syslog || true
# ok: conventions/syslog-files
RUN echo "logs go to /var/log/syslog"
