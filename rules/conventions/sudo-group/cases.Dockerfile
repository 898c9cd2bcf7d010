FROM ubuntu:24.04
# ruleid: conventions/sudo-group
RUN useradd -m app && usermod -aG sudo app
# ok: conventions/sudo-group
RUN useradd -m -G wheel app2
