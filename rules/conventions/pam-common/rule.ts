import { commandPathRule, code } from '../../../src/rules/support/simple.js';

export default commandPathRule(
  {
    id: 'conventions/pam-common',
    title: 'Debian PAM stacks (/etc/pam.d/common-*, pam-auth-update) instead of authselect',
    category: 'conventions',
    severity: 'warning',
    blocker: false,
    fixable: false,
    unconfirmed: true,
    effort: 2,
  },
  {
    why: 'Azure Linux 4.0 is rebuilt from Fedora 43 (knowledge sheet §0 [M:distro/azurelinux.distro.toml]) and ships authselect in rpm-base ([M:base/packages/base.packages.toml]); Fedora\'s PAM stacks are /etc/pam.d/system-auth and password-auth, managed by authselect (https://github.com/authselect/authselect). Debian\'s common-auth/common-account/common-password/common-session and pam-auth-update do not exist. Whether the image enables an authselect profile is UNCONFIRMED.',
    commands: [
      {
        names: ['pam-auth-update'],
        message: () => `${code('pam-auth-update')} is Debian's; Azure Linux 4.0 manages PAM with authselect.`,
        action: 'Use `authselect select sssd with-mkhomedir` (or `authselect enable-feature ...`), or a custom authselect profile.',
      },
    ],
    paths: [
      {
        re: /^\/etc\/pam\.d\/common-(auth|account|password|session(-noninteractive)?)$/,
        message: (r) => `${code(r.path)} is a Debian PAM include file; Azure Linux 4.0 uses /etc/pam.d/system-auth and password-auth, so this change has no effect.`,
        action: 'Express the change through authselect (`authselect enable-feature with-faillock`, `with-mkhomedir`, ...) or a custom authselect profile; editing system-auth by hand is overwritten by authselect.',
      },
    ],
  },
);
