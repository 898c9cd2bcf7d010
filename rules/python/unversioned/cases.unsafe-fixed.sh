#!/bin/bash
# ruleid: python/unversioned
python3 manage.py migrate
# ruleid: python/unversioned
sudo /usr/bin/python3 legacy_tool.py
# ok: python/unversioned
python3 manage.py migrate
# ok: python/unversioned
echo "python manage.py migrate"
# python manage.py
