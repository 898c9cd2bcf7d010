#!/bin/sh
# Azure Linux 4.0 falls into the arm that stops the script (get.docker.com's unsupported-distribution exit).
. /etc/os-release
# ruleid: identity/no-azurelinux-branch
case "$ID" in
	ubuntu|debian)
		apt-get install -y curl
		;;
	centos|rhel|rocky)
		yum install -y curl
		;;
	*)
		if [ -z "$ID" ]; then
			echo "cannot tell the distribution"
		fi
		echo "ERROR: Unsupported distribution '$ID'"
		exit 1
		;;
esac

# ok: identity/no-azurelinux-branch
case "$ID" in
	ubuntu|debian)
		apt-get install -y git
		;;
	fedora|azurelinux)
		dnf install -y git
		;;
	*)
		echo "ERROR: Unsupported distribution '$ID'"
		exit 1
		;;
esac

# A default arm that ends well is work done, not a stop.
# ok: identity/no-azurelinux-branch
case "$ID" in
	ubuntu|debian)
		apt-get install -y make
		;;
	*)
		echo "installing from source"
		exit 0
		;;
esac
