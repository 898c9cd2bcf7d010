FROM debian:12
# ruleid: conventions/debian-user-tools
RUN adduser --disabled-password --gecos "" --uid 1000 appuser
# ok: conventions/debian-user-tools
RUN useradd -m -u 1000 appuser
