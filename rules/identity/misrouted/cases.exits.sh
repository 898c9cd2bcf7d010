#!/bin/sh
. /etc/os-release
# The arm Azure Linux 4.0 takes stops the script: identity/no-azurelinux-branch reports that, not this rule.
# ok: identity/misrouted
case "$ID" in
	centos|fedora|rhel)
		dnf install -y curl
		;;
	*)
		if [ -z "$ID" ]; then
			echo "cannot tell the distribution"
		fi
		echo "ERROR: Unsupported distribution '$ID'"
		exit 1
		;;
esac
