#!/bin/sh
# ruleid: image/generation
az vm create -g rg -n a --image Ubuntu2204 --size Standard_A4m_v2
# ok: image/generation
az vm create -g rg -n b --image Ubuntu2204 --size Standard_D2s_v5
# Windows VMs are out of scope.
# ok: image/generation
az vm create -g rg -n w --image Win2022Datacenter --size Standard_A2_v2
