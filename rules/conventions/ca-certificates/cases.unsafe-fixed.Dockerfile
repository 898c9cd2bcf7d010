FROM ubuntu:24.04
# ruleid: conventions/ca-certificates
COPY certs/corp-root.crt /etc/pki/ca-trust/source/anchors/
# ruleid: conventions/ca-certificates
RUN apt-get update && update-ca-trust
# ok: conventions/ca-certificates
COPY certs/corp-root.crt /etc/pki/ca-trust/source/anchors/
