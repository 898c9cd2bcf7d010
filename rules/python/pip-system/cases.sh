#!/bin/bash
# ruleid: python/pip-system
sudo pip3 install requests
# ruleid: python/pip-system
pip install --break-system-packages -r requirements.txt
# ruleid: python/pip-system
sudo python3 -m pip install --upgrade awscli
# ok: python/pip-system
/opt/app/venv/bin/pip install -r requirements.txt
# ok: python/pip-system
sudo pip3 install --user httpie
# ok: python/pip-system
echo "sudo pip install requests"
