#!/bin/bash
# An if-guard is one finding (the guard), not also a "no branch" warning for the same test.
check_os() {
    # ruleid: identity/no-azurelinux-branch
    if ! [ -f "/etc/debian_version" ]; then
        echo "Error: This script is only supported on Debian-based systems."
        exit 1
    fi
}
check_os
apt-get install -y nodejs
