FROM ubuntu:24.04
# ruleid: conventions/firewall
RUN ufw allow 443
# ok: conventions/firewall
RUN firewall-cmd --permanent --add-service=https || true
