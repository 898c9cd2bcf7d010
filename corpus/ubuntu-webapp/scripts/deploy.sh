#!/bin/bash
# Deploys the service to a VM. Supports Ubuntu and RHEL-family hosts.
set -euo pipefail

. /etc/os-release

install_packages() {
  case "$ID" in
    ubuntu|debian)
      apt-get update
      apt-get install -y nginx postgresql-client
      ;;
    rhel|centos|rocky)
      yum install -y nginx postgresql
      ;;
    *)
      echo "unsupported distribution: $ID" >&2
      exit 1
      ;;
  esac
}

configure_firewall() {
  if command -v ufw >/dev/null 2>&1; then
    ufw allow 8080/tcp
  elif command -v firewall-cmd >/dev/null 2>&1; then
    firewall-cmd --permanent --add-port=8080/tcp
  fi
}

install_packages
configure_firewall
systemctl restart nginx
