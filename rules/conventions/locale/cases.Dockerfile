FROM debian:12
# ruleid: conventions/locale, conventions/locale
RUN echo "en_US.UTF-8 UTF-8" >> /etc/locale.gen && locale-gen
# ok: conventions/locale
RUN dnf install -y glibc-langpack-en
ENV LANG=en_US.UTF-8
