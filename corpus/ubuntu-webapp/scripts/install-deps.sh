#!/usr/bin/env bash
# Installs what the VM needs before the first deploy.
set -euo pipefail

sudo apt-get update
sudo apt-get install -y software-properties-common apt-transport-https gnupg

# Docker CE from Docker's Ubuntu repository
curl -fsSL https://download.docker.com/linux/ubuntu/gpg | sudo apt-key add -
sudo add-apt-repository "deb [arch=$(dpkg --print-architecture)] https://download.docker.com/linux/ubuntu $(lsb_release -cs) stable"

# Newer Python from the deadsnakes PPA
sudo add-apt-repository -y ppa:deadsnakes/ppa
sudo apt-get install -y python3.11 python3.11-venv

echo "Remember: apt-get upgrade is run by unattended-upgrades"
