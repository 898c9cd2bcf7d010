#!/bin/bash
# The VM target has these tools.
# ok: platform/container-missing-tools
useradd -r -s /sbin/nologin svc
