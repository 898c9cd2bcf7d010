FROM ubuntu:22.04
RUN apt-get update && apt-get install -y python3.11 python3.11-venv
# ruleid: python/old-interpreter
RUN python3 -m venv /venv
# ok: python/old-interpreter
RUN python3 -m venv /venv

FROM python:3.11-slim
# ok: python/old-interpreter
RUN pip3.11 install --no-cache-dir -r requirements.txt
