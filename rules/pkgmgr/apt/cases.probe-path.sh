#!/bin/sh
# Probes through the path of a command: `[ -x "$(command -v X)" ]` is `command -v X`.
if [ -x "$(command -v apt-get)" ]; then
  # ok: pkgmgr/apt
  apt-get install -y curl
elif [ -x "$(which dnf)" ]; then
  dnf install -y curl
fi

# A file test on other command output is not a probe.
# ruleid: pkgmgr/apt
if [ -x "$(grep -l debian /etc/os-release)" ]; then apt-get install -y jq; fi
