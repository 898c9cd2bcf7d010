#!/bin/sh
# A variable assigned the distro ID (get.docker.com's get_distribution) is compared as the ID.
get_distribution() {
	lsb_dist=""
	if [ -r /etc/os-release ]; then
		lsb_dist="$(. /etc/os-release && echo "$ID")"
	fi
	if [ "$lsb_dist" = "fedora-asahi-remix" ]; then
		lsb_dist="fedora"
	fi
	echo "$lsb_dist"
}
lsb_dist=$( get_distribution )
lsb_dist="$(echo "$lsb_dist" | tr '[:upper:]' '[:lower:]')"
case "$lsb_dist" in
	ubuntu|debian|raspbian)
		# ok: pkgmgr/apt
		apt-get install -y ca-certificates curl
		;;
	centos|fedora|rhel|azurelinux)
		dnf install -y curl
		;;
esac

pm="$(. /etc/os-release && echo "$ID")"
if [ "$pm" = "debian" ]; then
	# ok: pkgmgr/apt
	apt-get install -y git
elif [ "$pm" = "azurelinux" ]; then
	dnf install -y git
fi

# Mapped to other names on the RPM family's path: no longer the ID, so the test is not understood.
flavor="$ID"
case "$ID" in
	rocky|almalinux|azurelinux) flavor=rhel ;;
esac
if [ "$flavor" = "ubuntu" ]; then
	# ruleid: pkgmgr/apt
	apt-get install -y ./make.deb
fi

# Assigned something else than a distro value: not one.
kind="$(uname -m)"
if [ "$kind" = "debian" ]; then
	# ruleid: pkgmgr/apt
	apt-get install -y ./gcc.deb
fi
