FROM python:3.11-slim

RUN --mount=type=cache,target=/var/cache/apt \
    apt-get update && apt-get install -y --no-install-recommends \
      build-essential libpq-dev && \
    pip install --no-cache-dir psycopg2==2.9.9 celery==5.4.0 && \
    apt-get purge -y build-essential && apt-get autoremove -y

WORKDIR /srv/worker
COPY worker/ .
CMD ["celery", "-A", "tasks", "worker"]
