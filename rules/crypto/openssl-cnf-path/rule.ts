import { commandPathRule, code } from '../../../src/rules/support/simple.js';

export default commandPathRule(
  {
    id: 'crypto/openssl-cnf-path',
    title: 'Debian OpenSSL directory (/etc/ssl/openssl.cnf, /usr/lib/ssl): OpenSSL reads /etc/pki/tls on Azure Linux 4.0',
    category: 'crypto',
    severity: 'warning',
    blocker: false,
    fixable: 'unsafe',
    effort: 1,
  },
  {
    why: 'Azure Linux 4.0 builds OpenSSL from Fedora\'s spec (knowledge sheet §0 [M:distro/azurelinux.distro.toml], §2 "OpenSSL and crypto-policies" [M:specs/o/openssl/openssl.spec]), whose OPENSSLDIR is /etc/pki/tls (`--openssldir=%{_sysconfdir}/pki/tls`, https://src.fedoraproject.org/rpms/openssl): the configuration is /etc/pki/tls/openssl.cnf, which includes the crypto-policies back end. Debian\'s /etc/ssl/openssl.cnf and /usr/lib/ssl are not read.',
    paths: [
      {
        re: /^\/etc\/ssl\/openssl\.cnf$|^\/usr\/lib\/ssl\/openssl\.cnf$/,
        message: (r) => `${code(r.path)} is Debian's OpenSSL configuration path; OpenSSL on Azure Linux 4.0 reads /etc/pki/tls/openssl.cnf, so this change has no effect.`,
        action: 'Edit /etc/pki/tls/openssl.cnf (or add a file it includes, e.g. under /etc/pki/tls/openssl.d/), or point OPENSSL_CONF at your file. For protocol and key-size policy use `update-crypto-policies` instead of editing openssl.cnf.',
        replace: { text: '/etc/pki/tls/openssl.cnf', safety: 'unsafe', title: 'Use /etc/pki/tls/openssl.cnf' },
      },
    ],
  },
);
