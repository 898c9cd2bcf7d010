#!/bin/bash
# ruleid: image/aks-os-sku
az aks nodepool add -g rg --cluster-name aks -n user --os-sku AzureLinux
# ok: image/aks-os-sku
az aks nodepool add -g rg --cluster-name aks -n azl --os-sku AzureLinux
# ok: image/aks-os-sku
az aks nodepool add -g rg --cluster-name aks -n win --os-type Windows
