#!/bin/bash
# ruleid: python/old-interpreter
python3 -m venv /opt/app/venv
# ruleid: python/old-interpreter
/usr/bin/python3 tools/report.py
# ok: python/old-interpreter
python3 -m venv /opt/app/venv
# ok: python/old-interpreter
python3.14 -c 'import sys; print(sys.version)'
# ok: python/old-interpreter
echo "python3.11 is required"
