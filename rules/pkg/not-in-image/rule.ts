import { defineRule } from '../../../src/core/rule.js';
import type { ShellCommand } from '../../../src/core/facts.js';
import type { DockerfileFacts, DockerStage } from '../../../src/languages/dockerfile/index.js';
import { parseImage } from '../../image/base-image/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import { resolveRef } from '../../../src/rules/support/packages.js';

type Certainty = 'absent' | 'maybe';

/**
 * Commands and the package that provides them, for what the Azure Linux 4.0 core image lacks (knowledge sheet
 * §2 Containers): the core image test must first install procps-ng, gawk, util-linux, iproute, iputils,
 * hostname, shadow-utils and python3, and treats curl, nslookup and bc as optional (absent); the core image
 * no longer names curl, openssl, findutils, gzip, tar or xz explicitly (whether dependencies bring them in is
 * not known: "maybe").
 */
const COMMANDS: Record<string, [string, Certainty]> = {};
const add = (pkg: string, c: Certainty, cmds: string[]) => cmds.forEach((x) => (COMMANDS[x] = [pkg, c]));
add('procps-ng', 'absent', ['ps', 'free', 'top', 'pgrep', 'pkill', 'pidof', 'watch', 'uptime', 'vmstat', 'sysctl']);
add('gawk', 'absent', ['awk', 'gawk']);
add('util-linux', 'absent', ['mount', 'umount', 'lsblk', 'findmnt', 'su', 'runuser', 'flock', 'setsid', 'nsenter', 'unshare', 'losetup', 'logger']);
add('iproute', 'absent', ['ip', 'ss', 'tc', 'bridge']);
add('iputils', 'absent', ['ping', 'tracepath', 'arping']);
add('hostname', 'absent', ['hostname']);
add('shadow-utils', 'absent', ['useradd', 'usermod', 'userdel', 'groupadd', 'groupdel', 'groupmod', 'chpasswd', 'chage', 'gpasswd', 'newusers', 'adduser']);
add('python3', 'absent', ['python3']);
add('curl', 'absent', ['curl']);
add('bind-utils', 'absent', ['nslookup', 'dig', 'host']);
add('bc', 'absent', ['bc']);
add('openssl', 'maybe', ['openssl']);
add('findutils', 'maybe', ['find', 'xargs']);
add('gzip', 'maybe', ['gzip', 'gunzip', 'zcat']);
add('tar', 'maybe', ['tar']);
add('xz', 'maybe', ['xz', 'unxz', 'xzcat']);

/**
 * Commands of packages the Azure Linux 4.0 VM image does not include (knowledge sheet §2 "VM (Marketplace)":
 * "Not in the Apr-30 VM definition (install explicitly): curl CLI (UNCONFIRMED), rsyslog, python3-pip, git, jq,
 * strace, tcpdump, lsof, tmux, NetworkManager, netplan, dnf-utils/yum-config-manager, and any language runtime").
 */
const VM_ABSENT: Record<string, [string, Certainty]> = {};
const vm = (pkg: string, c: Certainty, cmds: string[]) => cmds.forEach((x) => (VM_ABSENT[x] = [pkg, c]));
vm('git', 'absent', ['git']);
vm('jq', 'absent', ['jq']);
vm('strace', 'absent', ['strace']);
vm('tcpdump', 'absent', ['tcpdump']);
vm('lsof', 'absent', ['lsof']);
vm('tmux', 'absent', ['tmux']);
vm('NetworkManager', 'absent', ['nmcli']);
vm('netplan', 'absent', ['netplan']);
vm('python3-pip', 'absent', ['pip', 'pip3']);
vm('nodejs', 'absent', ['node', 'npm', 'npx']);
vm('golang', 'absent', ['go']);
vm('curl', 'maybe', ['curl']);

/** Host kinds whose shell runs on a VM built from the Azure Linux 4.0 image (user-data, image provisioning). */
const VM_KINDS = new Set(['cloud-init', 'packer', 'terraform', 'bicep', 'arm']);

type BaseKind = 'core' | 'distroless' | 'distroless-debug';

function baseKind(image: string, coreRef: string): BaseKind | undefined {
  const i = parseImage(image);
  const core = parseImage(coreRef);
  if (i.registry !== 'mcr.microsoft.com') return undefined;
  const v4 = (i.tag ?? '').startsWith('4');
  if (i.path === core.path || (i.path === 'azurelinux/base/core' && v4)) return 'core';
  if (/^azurelinux(-beta)?\/distroless\/debug$/.test(i.path) && (v4 || i.path.startsWith('azurelinux-beta'))) return 'distroless-debug';
  if (/^azurelinux(-beta)?\/distroless\/(minimal|base)$/.test(i.path) && (v4 || i.path.startsWith('azurelinux-beta'))) return 'distroless';
  return undefined;
}

export default defineRule({
  meta: {
    id: 'pkg/not-in-image',
    title: 'Command the Azure Linux 4.0 container image does not have',
    category: 'packages',
    severity: 'warning',
    blocker: false,
    fixable: false,
    kinds: ['dockerfile', 'cloud-init', 'packer', 'terraform', 'bicep', 'arm'],
    effort: 0.5,
  },
  create(ctx) {
    const facts = ctx.facts as DockerfileFacts;
    const stages = facts.stages ?? [];
    const commands: ShellCommand[] = [];
    /** VM provisioning (cloud-init runcmd, Packer shell, user-data in templates): commands the VM image lacks. */
    const vmCommands = () => {
      // cloud-init installs `packages:` before runcmd; elsewhere an install must come first.
      const installed = (offset: number) =>
        new Set(facts.packages.filter((p) => facts.kind === 'cloud-init' || p.span.start < offset).flatMap((p) => [p.name, ...resolveRef(p).targets.map((t) => t.name)]));
      for (const cmd of commands) {
        const hit = VM_ABSENT[cmd.base];
        if (!hit || cmd.wrappers.includes('command')) continue;
        const [pkg, certainty] = hit;
        if (installed(cmd.span.start).has(pkg)) continue;
        ctx.report({
          span: cmd.nameWord.span,
          exact: cmd.exact,
          severity: 'info',
          message:
            certainty === 'absent'
              ? `${code(cmd.base)} is not in the Azure Linux 4.0 VM image (package ${code(pkg)}), and nothing here installs it first.`
              : `${code(cmd.base)} may be missing from the Azure Linux 4.0 VM image (whether the curl CLI is included is UNCONFIRMED): verify, or install ${code(pkg)} first.`,
          why: 'The Apr-30 VM image definition does not include rsyslog, python3-pip, git, jq, strace, tcpdump, lsof, tmux, NetworkManager, netplan or any language runtime; whether the curl CLI is pulled in is UNCONFIRMED (knowledge sheet §2 "VM (Marketplace)").',
          action: `Install it before use: ${code(`dnf install -y ${pkg}`)} (in cloud-init, add it to packages:).`,
        });
      }
    };
    return {
      command(cmd) {
        commands.push(cmd);
      },
      end() {
        if (VM_KINDS.has(facts.kind)) return vmCommands();
        const end = (s: DockerStage) => stages[s.index + 1]?.span.start ?? facts.source.text.length;
        const stageOf = (offset: number) => stages.filter((s) => s.span.start <= offset).pop();
        /** The stage chain of s, oldest first (FROM <earlier stage> inherits its files). */
        const chain = (s: DockerStage): DockerStage[] => {
          const parent = s.fromStage ? stages.find((x) => x.name?.toLowerCase() === s.fromStage!.toLowerCase() && x.index < s.index) : undefined;
          return parent ? [...chain(parent), s] : [s];
        };
        const installedBefore = (s: DockerStage, offset: number): Set<string> => {
          const names = new Set<string>();
          for (const st of chain(s)) {
            const limit = st === s ? offset : end(st);
            for (const p of facts.packages) {
              if (p.span.start < st.span.start || p.span.start >= limit) continue;
              names.add(p.name);
              for (const t of resolveRef(p).targets) names.add(t.name);
            }
          }
          return names;
        };
        const reportedUnits = new Set<number>();
        for (const cmd of commands) {
          const s = stageOf(cmd.span.start);
          if (!s) continue;
          const root = chain(s)[0]!;
          const kind = baseKind(root.image, ctx.target.images.core!);
          if (!kind) continue;
          if (kind !== 'core') {
            if (reportedUnits.has(cmd.unit.id) || cmd.unit.origin === 'RUN (exec form)') continue;
            reportedUnits.add(cmd.unit.id);
            ctx.report({
              span: cmd.nameWord.span,
              exact: cmd.exact,
              severity: kind === 'distroless' ? 'error' : 'warning',
              blocker: kind === 'distroless',
              message: `This RUN needs a shell, but the Azure Linux 4.0 distroless image ${code(root.image)} has ${kind === 'distroless' ? 'none' : 'only busybox'}.`,
              why: 'The distroless build force-removes bash and deletes the rpm database and dnf state; minimal holds filesystem, release files and tzdata, base adds glibc, libgcc, openssl-libs and setup, debug adds busybox (knowledge sheet §2 Containers).',
              action: 'Do the work in a build stage FROM the core image and COPY the result into the distroless stage.',
            });
            continue;
          }
          const hit = COMMANDS[cmd.base];
          if (!hit || cmd.wrappers.includes('command')) continue;
          const [pkg, certainty] = hit;
          const have = installedBefore(s, cmd.span.start);
          if (have.has(pkg) || (pkg === 'procps-ng' && have.has('procps'))) continue;
          ctx.report({
            span: cmd.nameWord.span,
            exact: cmd.exact,
            severity: certainty === 'absent' ? 'warning' : 'info',
            message:
              certainty === 'absent'
                ? `${code(cmd.base)} is not in the Azure Linux 4.0 core image (package ${code(pkg)}), and this stage does not install it first.`
                : `${code(cmd.base)} may be missing from the Azure Linux 4.0 core image (package ${code(pkg)} is no longer part of it by name): verify, or install it first.`,
            why:
              certainty === 'absent'
                ? 'The core image holds little beyond bash, dnf5 and coreutils-single; its own tests must first install procps-ng, gawk, util-linux, iproute, iputils, hostname, shadow-utils and python3, and treat curl, nslookup and bc as optional (knowledge sheet §2 Containers).'
                : 'Azure Linux 3.0 core images came with curl, openssl, findutils, gzip, tar and xz; the 4.0 core image definition no longer names them (knowledge sheet §2 Containers, §3).',
            action: `Install it in an earlier step: ${code(`dnf install -y ${pkg}`)}.`,
          });
        }
      },
    };
  },
});
