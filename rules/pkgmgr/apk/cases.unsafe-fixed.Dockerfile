FROM alpine:3.20
# ruleid: pkgmgr/apk
RUN dnf install -y curl bash
# ruleid: pkgmgr/apk
RUN apk add --virtual .build-deps gcc musl-dev && \
    make && \
# ruleid: pkgmgr/apk
    apk del .build-deps
# ok: pkgmgr/apk
RUN echo "apk add curl"
# ok: pkgmgr/apk
RUN dnf install -y curl
