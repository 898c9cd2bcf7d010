FROM ubuntu:22.04
# A name in a build argument is reported where it is written.
# ruleid: pkg/unavailable
ARG TOOLS="ntp software-properties-common"
RUN apt-get update && apt-get install -y --no-install-recommends \
        ca-certificates \
# ruleid: pkg/unavailable
        apt-transport-https
# ok: pkg/unavailable
RUN apt-get install -y $TOOLS
