FROM fedora:43
# ruleid: repos/releasever
RUN echo 'baseurl=https://download.example.com/fedora/$releasever/x86_64/' >> /etc/yum.repos.d/example.repo
# ok: repos/releasever
RUN echo 'baseurl=https://download.example.com/fedora/43/x86_64/' >> /etc/yum.repos.d/example.repo
