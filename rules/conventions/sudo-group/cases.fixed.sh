#!/bin/bash
# ruleid: conventions/sudo-group
usermod -aG wheel deploy
# ruleid: conventions/sudo-group
useradd -m -G docker,wheel -s /bin/bash ci
# ruleid: conventions/sudo-group
gpasswd -a deploy wheel
# ruleid: conventions/sudo-group
adduser deploy sudo
# ruleid: conventions/sudo-group
echo '%sudo ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/90-admins
# ok: conventions/sudo-group
usermod -aG wheel deploy
# ok: conventions/sudo-group
sudo -u deploy whoami
# ok: conventions/sudo-group
echo "add yourself to the sudo group"
# usermod -aG sudo deploy
cat > /etc/sudoers.d/91-ops <<'SUDO'
# %sudo was the Debian group
# ruleid: conventions/sudo-group
%sudo ALL=(ALL) ALL
%wheel ALL=(ALL) NOPASSWD: ALL
SUDO
