FROM rockylinux:9
# ruleid: repos/epel
RUN yum install -y epel-release && yum install -y jq
# ok: repos/epel
RUN dnf install -y jq
