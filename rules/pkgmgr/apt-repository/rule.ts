import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';

const APT_PATHS = /^\/etc\/apt(\/|$)|^\/usr\/share\/keyrings(\/|$)|^\/etc\/apt\/trusted\.gpg/;
/** Commands that write, copy, move or link files: a path argument of theirs is a write. */
const WRITERS = new Set(['tee', 'cp', 'mv', 'install', 'ln', 'touch', 'sed', 'gpg', 'wget', 'curl', 'echo', 'printf', 'cat', 'mkdir', 'rm', 'chmod', 'chown']);

export default defineRule({
  meta: {
    id: 'pkgmgr/apt-repository',
    title: 'APT repositories and keys (apt-key, add-apt-repository, PPAs, sources.list) do not apply',
    category: 'package-manager',
    severity: 'error',
    blocker: true,
    fixable: false,
    effort: 3,
  },
  create(ctx) {
    const repoAction =
      'Add the vendor\'s RPM repository instead: a `.repo` file in /etc/yum.repos.d/ (or `dnf config-manager addrepo --from-repofile=URL`, from dnf5-plugins) and its key with `rpm --import KEY_URL`; check that the vendor publishes packages for Fedora or Azure Linux.';
    return {
      command(cmd) {
        if (cmd.base === 'apt-key') {
          ctx.report({
            span: cmd.nameWord.span,
            exact: cmd.exact,
            message: `${code('apt-key')} will fail: there is no APT on Azure Linux 4.0.`,
            why: 'Repository signing keys for dnf are imported into the RPM database or referenced by `gpgkey=` in a .repo file.',
            action: 'Use `rpm --import KEY_URL`, or `gpgkey=KEY_URL` in the repository\'s .repo file.',
          });
        } else if (cmd.base === 'add-apt-repository' || cmd.base === 'apt-add-repository') {
          const ppa = cmd.args.find((a) => a.value?.startsWith('ppa:'));
          ctx.report({
            span: cmd.nameWord.span,
            exact: cmd.exact,
            message: `${code(cmd.base)}${ppa ? ` ${code(ppa.value!)}` : ''} will fail: APT repositories${ppa ? ' and Ubuntu PPAs' : ''} cannot be used on Azure Linux 4.0.`,
            why: 'Azure Linux 4.0 installs RPM packages with dnf5; PPAs publish Ubuntu .deb packages only.',
            action: ppa ? 'Find the package in Azure Linux 4.0 (`azl-migrate pkg NAME`), a vendor RPM repository, a container image or an upstream binary.' : repoAction,
          });
        }
      },
      path(ref) {
        if (!APT_PATHS.test(ref.path)) return;
        const isWrite = ref.context === 'redirect' || ref.context === 'copy-dest' || (ref.command !== undefined && WRITERS.has(ref.command.base));
        if (!isWrite) return;
        ctx.report({
          span: ref.span,
          exact: ref.exact,
          message: `${code(ref.path)} is APT configuration; Azure Linux 4.0 has no APT, so this repository or key is never used.`,
          why: 'dnf5 reads repositories from /etc/yum.repos.d/*.repo (and /etc/dnf); APT sources and keyrings have no effect.',
          action: repoAction,
        });
      },
    };
  },
});
