FROM ubuntu:24.04
# ruleid: repos/foreign-release-repo
RUN curl -fsSL https://download.docker.com/linux/ubuntu/gpg -o /etc/apt/keyrings/docker.asc
# ok: repos/foreign-release-repo
RUN dnf install -y moby-engine docker-cli
