#!/bin/bash
# No target line: the default target (an Azure Linux 4.0 VM) can install packages and write /usr.
# ok: platform/immutable-host
dnf install -y jq
# ok: platform/immutable-host
cp tool /usr/local/bin/tool
