FROM debian:12
# ruleid: python/unversioned
RUN python3 -m compileall /app
# ok: python/unversioned
RUN /opt/venv/bin/python -m compileall /app

FROM python:3.12-slim
# ok: python/unversioned
RUN python -m pip install --no-cache-dir -r requirements.txt
