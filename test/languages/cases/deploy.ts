import { execSync } from 'node:child_process';

// ruleid: pkgmgr/apt
execSync('sudo apt-get install -y nginx');
const pkg = process.env.PKG;
// ruleid: pkgmgr/apt
execSync(`apt-get install -y ${pkg}`);
export const pool = {
  // ruleid: image/aks-os-sku
  osSku: 'Ubuntu',
};
