FROM docker:27-cli
# ruleid: selinux/bind-mount-label
RUN docker run --rm -v /build/out:/out:z builder
# ok: selinux/bind-mount-label
RUN docker run --rm -v /build/out:/out:z builder
