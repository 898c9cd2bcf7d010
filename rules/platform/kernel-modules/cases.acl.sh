#!/bin/bash
# target: azure-container-linux
# ok: platform/kernel-modules
dkms install -m vendor-net -v 1.2.3
