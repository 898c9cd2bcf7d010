#!/bin/bash
# Installers wrap `command -v` in a function; the yum branch after a dnf branch never runs on Azure Linux 4.0.
command_exists() {
  command -v "$1" &> /dev/null
}
if command_exists dnf; then
  dnf makecache
elif command_exists yum; then
  # ok: pkgmgr/yum
  yum makecache
fi
# A function that does more than test for the command is not evaluated: its branches may all run.
check() {
  command -v "$1" >/dev/null && echo "found $1"
}
if check dnf; then
  dnf makecache
elif check yum; then
  # ruleid: pkgmgr/yum
  dnf makecache
fi
