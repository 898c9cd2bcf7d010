#!/bin/bash
# ruleid: pkg/runtime-version
apt-get install -y openjdk-17-jdk-headless
# ruleid: pkg/runtime-version
dnf install -y java-21-openjdk-devel
# ruleid: pkg/runtime-version
apt-get install -y python3.11 python3-pip
# ruleid: pkg/runtime-version
apt-get install -y nodejs=20.11.1-1nodesource1
# ruleid: pkg/runtime-version
apt-get install -y dotnet-sdk-8.0
# ok: pkg/runtime-version
dnf install -y java-25-openjdk-devel nodejs24 python3
# ok: pkg/runtime-version
apt-get install -y default-jdk nodejs
# ok: pkg/runtime-version
echo "install openjdk-17-jdk yourself"
