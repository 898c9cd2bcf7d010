#!/bin/sh
# The distro ID under a name of the script's own: its check is judged like one on $ID.
dist="$(. /etc/os-release && echo "$ID")"
# ruleid: identity/no-azurelinux-branch
case "$dist" in
	ubuntu|debian)
		apt-get install -y curl
		;;
	centos|rhel)
		yum install -y curl
		;;
esac
