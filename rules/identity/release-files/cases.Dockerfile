FROM ubuntu:22.04
# ruleid: identity/release-files
RUN echo "deb https://apt.example.com $(lsb_release -cs) main" > /etc/apt/sources.list.d/example.list
# ok: identity/release-files
RUN . /etc/os-release && echo "$ID $VERSION_ID"
