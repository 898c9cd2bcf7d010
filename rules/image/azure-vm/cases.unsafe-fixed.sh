#!/bin/bash
# Azure CLI: az vm create / az vmss create --image.
set -euo pipefail
# ruleid: image/azure-vm
az vm create -g rg -n web --image microsoftazurelinux:azurelinux-4:4:latest --size Standard_D2s_v5
# ruleid: image/azure-vm
az vmss create -g rg -n pool --image "microsoftazurelinux:azurelinux-4:4:latest"
# ruleid: image/azure-vm
az vm create -g rg -n arm --image=microsoftazurelinux:azurelinux-4:4-arm64:latest --size Standard_D2ps_v5
# ruleid: image/azure-vm
az vm create -g rg -n m --image microsoftazurelinux:azurelinux-4:4:latest
# ok: image/azure-vm
az vm create -g rg -n ok --image microsoftazurelinux:azurelinux-4:4:latest
# ok: image/azure-vm
az vm create -g rg -n custom --image /subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/i
# ok: image/azure-vm
az vm create -g rg -n v --image "$IMAGE"
# ok: image/azure-vm
echo az vm create --image Ubuntu2204
