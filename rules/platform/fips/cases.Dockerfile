FROM registry.access.redhat.com/ubi9/ubi
# ruleid: platform/fips
RUN fips-mode-setup --check
# ok: platform/fips
RUN update-crypto-policies --show
