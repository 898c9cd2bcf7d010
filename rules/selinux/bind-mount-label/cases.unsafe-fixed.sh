#!/bin/bash
# ruleid: selinux/bind-mount-label
docker run -d -v /srv/app/data:/data:z myimage
# ruleid: selinux/bind-mount-label
podman run --rm --volume="$PWD/config:/etc/app:ro,z" myimage
# ruleid: selinux/bind-mount-label
sudo docker create -v ./logs:/var/log/app:rw,z myimage
# ok: selinux/bind-mount-label
docker run -d -v /srv/app/data:/data:Z myimage
# ok: selinux/bind-mount-label
podman run --rm -v "$PWD/config:/etc/app:ro,z" myimage
# ok: selinux/bind-mount-label
docker run -d -v pgdata:/var/lib/postgresql/data postgres:16
# ok: selinux/bind-mount-label
docker run -d -v /var/run/docker.sock:/var/run/docker.sock agent
# ok: selinux/bind-mount-label
docker run --rm alpine ls -v /tmp:/tmp
# ok: selinux/bind-mount-label
echo "docker run -v /srv/data:/data"
# docker run -v /srv/data:/data image
# ok: selinux/bind-mount-label
docker run --rm --volume "${volume_name}:/var/jenkins_home" jenkins/jenkins true
# ruleid: selinux/bind-mount-label
docker run --rm -v "$PWD:/src:z" builder make
