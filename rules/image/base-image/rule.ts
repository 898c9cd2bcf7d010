import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import type { TargetProfile } from '../../../src/knowledge/target.js';
import type { DockerfileFacts } from '../../../src/languages/dockerfile/index.js';
import type { ImageRef } from '../../../src/core/facts.js';
import type { Fix } from '../../../src/core/types.js';

/** Commands the Azure Linux 4.0 core image has (bash builtins, coreutils-single, dnf5 and its aliases). */
const CORE_SAFE = new Set(['dnf', 'dnf5', 'yum', 'microdnf', 'tdnf', 'rpm', 'mkdir', 'cp', 'mv', 'rm', 'ln', 'chmod', 'chown', 'cat', 'echo', 'printf', 'ls', 'touch', 'test', '[', 'true', 'false', 'cd', 'export', 'set', 'env', 'sh', 'bash', 'exit', 'sleep', 'head', 'tail', 'sort', 'uniq', 'wc', 'cut', 'tr', 'basename', 'dirname', 'date', 'id', 'whoami', 'install', 'mktemp', 'readlink', 'realpath', 'stat', 'tee', 'uname']);

/**
 * A FROM fix is safe only from the Azure Linux 3.0 (or CBL-Mariner) core image to the 4.0 core image, which
 * Microsoft maps one to one, and when every command of the stage exists on the 4.0 core image. Moving from
 * another distribution or a language image changes what the image contains: unsafe, to be reviewed.
 */
function fromFix(ref: ImageRef, to: string, facts: DockerfileFacts, sameFamily: boolean): Fix | undefined {
  if (!ref.exact || ref.raw !== ref.image || ref.stageIndex === undefined || !facts.stages) return undefined;
  const stage = facts.stages[ref.stageIndex]!;
  const end = facts.stages[ref.stageIndex + 1]?.span.start ?? facts.source.text.length;
  const cmds = facts.commands.filter((c) => c.span.start > stage.span.start && c.span.start < end);
  const foreign = cmds.filter((c) => !CORE_SAFE.has(c.base)).map((c) => c.base);
  const safe = sameFamily && foreign.length === 0 && to.includes('/base/core:');
  return {
    title: `Use ${to}${safe ? '' : ` (review: this stage runs ${[...new Set(foreign)].slice(0, 5).join(', ') || 'commands'} that may need installing)`}`,
    safety: safe ? 'safe' : 'unsafe',
    edits: [{ span: ref.span, text: to }],
  };
}

export interface ImageName {
  registry: string;
  path: string;
  tag?: string;
  digest?: string;
}

/** Split an image reference; Docker Hub names get registry docker.io and the library/ namespace. */
export function parseImage(ref: string): ImageName {
  let rest = ref.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const first = rest.split('/')[0]!;
  let registry = 'docker.io';
  let path = rest;
  if (rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first;
    path = rest.slice(first.length + 1);
  }
  if (registry === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  return { registry: registry.toLowerCase(), path: path.toLowerCase(), tag, digest };
}

export interface Mapping {
  test: (i: ImageName) => boolean;
  family: string;
  to: (t: TargetProfile, i: ImageName) => string;
  severity: 'error' | 'warning';
  note?: string;
}

const hub = (...names: string[]) => (i: ImageName) => i.registry === 'docker.io' && names.includes(i.path);
const core = (t: TargetProfile) => t.images.core!;
const distroless = (t: TargetProfile, flavour: string) => t.images[`distroless-${flavour}`]!;

/** Language and server images whose default variants are Debian-based (Alpine for -alpine tags). */
const DEBIAN_BASED = ['python', 'node', 'golang', 'openjdk', 'eclipse-temurin', 'amazoncorretto', 'ruby', 'php', 'perl', 'rust', 'gcc', 'buildpack-deps', 'nginx', 'httpd', 'maven', 'gradle', 'postgres', 'redis', 'mysql', 'mariadb'];

export const MAPPINGS: Mapping[] = [
  { test: hub('library/ubuntu', 'ubuntu/ubuntu'), family: 'Ubuntu', to: core, severity: 'error' },
  { test: hub('library/debian'), family: 'Debian', to: core, severity: 'error' },
  { test: hub('library/alpine'), family: 'Alpine (musl libc)', to: core, severity: 'error' },
  { test: (i) => hub('library/centos')(i) || (i.registry === 'quay.io' && i.path.startsWith('centos/')), family: 'CentOS', to: core, severity: 'error' },
  { test: hub('library/rockylinux', 'rockylinux/rockylinux'), family: 'Rocky Linux', to: core, severity: 'error' },
  { test: hub('library/almalinux', 'almalinux/almalinux'), family: 'AlmaLinux', to: core, severity: 'error' },
  { test: (i) => hub('library/fedora')(i) || (i.registry === 'registry.fedoraproject.org' && i.path.startsWith('fedora')), family: 'Fedora', to: core, severity: 'error' },
  { test: hub('library/amazonlinux'), family: 'Amazon Linux', to: core, severity: 'error' },
  { test: hub('library/oraclelinux'), family: 'Oracle Linux', to: core, severity: 'error' },
  { test: (i) => i.registry === 'docker.io' && i.path.startsWith('opensuse/'), family: 'openSUSE', to: core, severity: 'error' },
  { test: (i) => (i.registry === 'registry.access.redhat.com' || i.registry === 'registry.redhat.io' || (i.registry === 'docker.io' && i.path.startsWith('redhat/'))) && /ubi\d*/.test(i.path), family: 'Red Hat UBI', to: core, severity: 'error' },
  {
    test: (i) => i.registry === 'mcr.microsoft.com' && /^cbl-mariner\/distroless\/(minimal|base|debug)$/.test(i.path),
    family: 'CBL-Mariner distroless',
    to: (t, i) => distroless(t, i.path.split('/')[2]!),
    severity: 'error',
  },
  { test: (i) => i.registry === 'mcr.microsoft.com' && i.path.startsWith('cbl-mariner/'), family: 'CBL-Mariner', to: core, severity: 'error' },
  {
    test: (i) => i.registry === 'mcr.microsoft.com' && /^azurelinux\/distroless\/(minimal|base|debug)$/.test(i.path) && !(i.tag ?? '').startsWith('4'),
    family: 'Azure Linux 3.0 distroless',
    to: (t, i) => distroless(t, i.path.split('/')[2]!),
    severity: 'error',
  },
  { test: (i) => i.registry === 'mcr.microsoft.com' && i.path.startsWith('azurelinux/') && !(i.tag ?? '').startsWith('4'), family: 'Azure Linux 3.0', to: core, severity: 'error' },
  {
    test: (i) => i.registry === 'gcr.io' && i.path.startsWith('distroless/'),
    family: 'Debian-based distroless',
    to: (t, i) => ((i.tag ?? '').includes('debug') ? distroless(t, 'debug') : i.path.startsWith('distroless/static') ? distroless(t, 'minimal') : distroless(t, 'base')),
    severity: 'error',
    note: 'Azure Linux distroless minimal has only filesystem, release files and tzdata; base adds glibc, libgcc, openssl-libs and setup; debug adds busybox. Language runtimes are not included.',
  },
  {
    test: (i) => i.registry === 'docker.io' && DEBIAN_BASED.includes(i.path.replace(/^library\//, '')) && i.path.startsWith('library/'),
    family: 'Debian-based (Alpine for -alpine tags) official image',
    to: core,
    severity: 'warning',
    note: 'There is no Azure Linux 4.0 variant of this image: start from the core image and install the runtime with dnf (Azure Linux 4.0 ships python3 3.14, nodejs 22 and nodejs24, golang 1.25, java-25-openjdk only, ruby 3.4, php 8.4, perl 5.42, rust 1.94, nginx, httpd).',
  },
];

export function isTarget(i: ImageName): boolean {
  return i.registry === 'mcr.microsoft.com' && (i.path.startsWith('azurelinux-beta/') || (i.path.startsWith('azurelinux/') && (i.tag ?? '').startsWith('4')));
}

export default defineRule({
  meta: {
    id: 'image/base-image',
    title: 'Container base image is not Azure Linux 4.0',
    category: 'base-image',
    severity: 'error',
    blocker: false,
    fixable: 'unsafe',
    effort: 2,
  },
  create(ctx) {
    return {
      image(ref) {
        // CI, compose and VM image references are image/container-base's and image/azure-vm's.
        if (ref.context !== 'dockerfile-from') return;
        if (ref.unresolved) {
          ctx.report({
            span: ref.span,
            exact: ref.exact,
            severity: 'info',
            message: `Base image ${code(ref.raw)} depends on a build argument without a default; azl-migrate cannot tell which distribution it is.`,
            why: 'The image is chosen at build time (`--build-arg`).',
            action: `Make sure the value passed at build time is an Azure Linux 4.0 image (${ctx.target.images.core}).`,
          });
          return;
        }
        if (ref.image.toLowerCase() === 'scratch') return;
        const img = parseImage(ref.image);
        if (isTarget(img)) return;
        const m = MAPPINGS.find((x) => x.test(img));
        if (!m) return;
        const to = m.to(ctx.target, img);
        const alpine = (img.tag ?? '').includes('alpine');
        ctx.report({
          span: ref.span,
          exact: ref.exact,
          severity: m.severity,
          message: `Base image ${code(ref.image)} is ${alpine && m.severity === 'warning' ? 'Alpine-based (musl libc)' : m.family}${ref.raw !== ref.image ? ` (from ${code(ref.raw)})` : ''}; the Azure Linux 4.0 image is ${code(to)}.`,
          why: `Azure Linux 4.0 container images are ${ctx.target.images.core} and the distroless minimal, base and debug images (preview names under azurelinux-beta). The core image holds little beyond bash, dnf5 and coreutils-single: ps, awk, ip, useradd, hostname, python3 and curl must be installed.${m.note ? ` ${m.note}` : ''}`,
          action: `Use ${code(`FROM ${to}`)} and install what the build needs with \`dnf install -y\`.`,
          fix: ctx.facts.kind === 'dockerfile' ? fromFix(ref, to, ctx.facts as DockerfileFacts, /^(Azure Linux 3\.0|CBL-Mariner)$/.test(m.family)) : undefined,
        });
      },
    };
  },
});
