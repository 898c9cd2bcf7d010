#!/bin/bash
# ruleid: image/secure-boot
az vm create -g rg -n tl --image microsoftazurelinux:azurelinux-4:4:latest --security-type TrustedLaunch --enable-secure-boot true
# ok: image/secure-boot
az vm create -g rg -n std --image microsoftazurelinux:azurelinux-4:4:latest --security-type Standard
# ok: image/secure-boot
az vm create -g rg -n w --image Win2022Datacenter --security-type TrustedLaunch --enable-secure-boot true
