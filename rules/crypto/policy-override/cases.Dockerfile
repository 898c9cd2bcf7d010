FROM debian:12
# ruleid: crypto/policy-override
RUN sed -i 's/DEFAULT@SECLEVEL=2/DEFAULT@SECLEVEL=1/' /etc/ssl/openssl.cnf
# ok: crypto/policy-override
RUN update-crypto-policies --show
