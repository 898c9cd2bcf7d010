import type { Span } from './source.js';
import type { SourceText } from './source.js';
import type { Assignment, Detection, ShellCommand } from '../languages/shell/model.js';
import type { FileNote } from './types.js';

export type { Assignment, Detection, ShellCommand, Word, Gate } from '../languages/shell/model.js';

/** A container or VM image reference (Dockerfile FROM, and later IaC and CI files). */
export interface ImageRef {
  /** The reference with build args resolved where possible (`ubuntu:22.04`). */
  image: string;
  /** As written (`${BASE}`). */
  raw: string;
  span: Span;
  exact: boolean;
  /** Build args could not all be resolved. */
  unresolved: boolean;
  /**
   * Where the reference is: a Dockerfile FROM, a VM image (Terraform, Bicep, ARM, Packer, Azure CLI, Pulumi/CDKTF),
   * or a container image named by CI or compose files (`container:`, `services:`, `image:`).
   */
  context: 'dockerfile-from' | 'vm-image' | 'container-image';
  /** VM images: the Marketplace parts as written, each with its own span (for fixes that rewrite parts). */
  vm?: VmImageParts;
  /** The host syntax that named it (`terraform`, `bicep`, `arm`, `packer`, `az-cli`, `compose`, `github-actions`, ...). */
  host?: string;
  /** Dockerfile: the stage this FROM starts (its AS name), if any. */
  stage?: string;
  /** Dockerfile: 0-based index of the stage. */
  stageIndex?: number;
}

/** One part of a VM image reference (publisher, offer, sku, version) or a whole URN string. */
export interface ImagePart {
  /** The literal value, or undefined when it is an expression (a variable, a parameter). */
  value?: string;
  /** The span to replace to change the value (string contents without quotes). */
  span: Span;
  exact: boolean;
}

/** A VM image reference: four parts, a URN (`Canonical:offer:sku:version`) or an az CLI alias (`Ubuntu2204`). */
export interface VmImageParts {
  form: 'parts' | 'urn' | 'alias';
  publisher?: ImagePart;
  offer?: ImagePart;
  sku?: ImagePart;
  version?: ImagePart;
  /** form urn/alias: the whole string. */
  whole?: ImagePart;
  /** The VM size, when the same resource names one (`Standard_D2s_v5`), for architecture and generation checks. */
  size?: ImagePart;
}

/** A file-system path mentioned in a way that touches the file (argument, redirect, mount, volume). */
export interface PathRef {
  path: string;
  span: Span;
  exact: boolean;
  /** `literal`: a string literal passed to a file API in a program (Python `open('/etc/x')`). */
  context: 'arg' | 'redirect' | 'mount' | 'volume' | 'copy-dest' | 'env' | 'workdir' | 'literal';
  command?: ShellCommand;
}

/** The host kinds azl-migrate reads; a new kind adds its name here and an adapter in src/languages/registry.ts. */
export type FileKind = 'dockerfile' | 'shell' | 'systemd' | 'cloud-init' | 'ansible' | 'terraform' | 'bicep' | 'arm' | 'packer' | 'workflow' | 'compose' | 'tsjs' | 'python';

/** The distribution family a package name comes from (which name map applies). */
export type PackageOrigin = 'debian' | 'alpine' | 'el' | 'azurelinux-3.0' | 'azurelinux-4.0';

/** A package named for installation, from any source (shell install commands, Ansible, cloud-init). */
export interface PackageRef {
  /** Package name without version pin or architecture. */
  name: string;
  /** As written, with any version pin (`curl=7.88.1-10`). */
  raw: string;
  span: Span;
  exact: boolean;
  origin: PackageOrigin;
  /** The installer that names it (`apt-get`, `apk`, `tdnf`, `ansible.builtin.apt`, `cloud-init packages`). */
  manager: string;
  command?: ShellCommand;
}

/** Everything a host-language adapter extracts from one file; rules read only these facts. */
export interface FileFacts {
  file: string;
  kind: FileKind;
  source: SourceText;
  commands: ShellCommand[];
  detections: Detection[];
  images: ImageRef[];
  paths: PathRef[];
  packages: PackageRef[];
  assignments: Assignment[];
  notes: FileNote[];
}

/** Commands whose arguments are text, not files: their arguments do not become PathRefs. */
const TEXT_COMMANDS = new Set(['echo', 'printf', 'logger', 'log', 'info', 'warn', 'die', 'error', 'fail', 'msg', 'note']);

/** PathRefs from shell commands: absolute paths in arguments and redirect targets. */
export function pathRefsFromCommands(commands: ShellCommand[]): PathRef[] {
  const out: PathRef[] = [];
  for (const cmd of commands) {
    if (!TEXT_COMMANDS.has(cmd.base)) {
      for (const a of cmd.args) {
        const v = a.value;
        if (v && looksLikePath(v)) out.push({ path: v, span: a.span, exact: a.exact, context: 'arg', command: cmd });
        else if (v && /^--?[\w-]+=\//.test(v)) {
          const eq = v.indexOf('=');
          out.push({ path: v.slice(eq + 1), span: a.span, exact: a.exact, context: 'arg', command: cmd });
        }
      }
    }
    for (const r of cmd.redirects) {
      const v = r.target.value;
      if (v && looksLikePath(v)) out.push({ path: v, span: r.target.span, exact: r.target.exact, context: 'redirect', command: cmd });
    }
  }
  return out;
}

export function looksLikePath(v: string): boolean {
  return v.startsWith('/') && v.length > 1 && !v.startsWith('//') && !/\s/.test(v);
}
