#!/bin/bash
# ruleid: conventions/pam-common
echo "session required pam_mkhomedir.so skel=/etc/skel umask=0077" >> /etc/pam.d/common-session
# ruleid: conventions/pam-common
pam-auth-update --enable mkhomedir
# ok: conventions/pam-common
authselect enable-feature with-mkhomedir
# ok: conventions/pam-common
echo "edit /etc/pam.d/common-session"
