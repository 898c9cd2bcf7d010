FROM ubuntu:24.04
# ruleid: conventions/ca-certificates
COPY certs/corp-root.crt /usr/local/share/ca-certificates/
# ruleid: conventions/ca-certificates
RUN apt-get update && update-ca-certificates
# ok: conventions/ca-certificates
COPY certs/corp-root.crt /etc/pki/ca-trust/source/anchors/
