FROM debian:12
# ruleid: python/pip-system
RUN pip3 install --break-system-packages flask
# ok: python/pip-system
RUN python3 -m venv /venv && /venv/bin/pip install flask
