#!/bin/bash
semanage port -a -t ssh_port_t -p tcp 2222
# ok: selinux/port-label
echo "Port 2222" >> /etc/ssh/sshd_config
