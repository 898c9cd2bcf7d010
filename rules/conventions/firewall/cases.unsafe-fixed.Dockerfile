FROM ubuntu:24.04
# ruleid: conventions/firewall
RUN firewall-cmd --permanent --add-port=443/tcp --add-port=443/udp && firewall-cmd --reload
# ok: conventions/firewall
RUN firewall-cmd --permanent --add-service=https || true
