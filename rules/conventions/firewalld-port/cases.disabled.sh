#!/bin/bash
systemctl disable --now firewalld
# ok: conventions/firewalld-port
echo "Port 2222" >> /etc/ssh/sshd_config
