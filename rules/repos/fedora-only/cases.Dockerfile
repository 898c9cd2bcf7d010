FROM fedora:43
# ruleid: repos/fedora-only
RUN dnf install -y rpmfusion-free-release
# ok: repos/fedora-only
RUN dnf install -y ffmpeg-free
