/**
 * Catalog import: turns the Azure Linux package lists, image definitions and comps groups (or a live
 * repository's rpm-md primary.xml) into the catalog format of catalog.ts.
 *
 * Everything but readPrimaryXml is a pure function over file contents; the callers
 * (scripts/import-catalog.ts, src/cli/catalog.ts) do the file I/O.
 */
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import * as zlib from 'node:zlib';
import { SaxesParser } from 'saxes';
import { parse as parseToml } from 'smol-toml';
import {
  CATALOG_SCHEMA,
  IMAGE_IDS,
  type Catalog,
  type CatalogGroup,
  type CatalogImageInfo,
  type CatalogSource,
  type ImageId,
  type ImpliedDeps,
} from './catalog.js';

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sorted, de-duplicated copy (code-point order, independent of locale). */
export function sortedUnique(names: Iterable<string>): string[] {
  return [...new Set(names)].sort(byCodePoint);
}

// ---------------------------------------------------------------------------------------------
// (a) *.packages.toml

/** Package names of a `*.packages.toml` list: every `[package-groups.*].packages` array. */
export function parsePackageListToml(text: string, file = 'packages.toml'): string[] {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch (e) {
    throw new ImportError(`${file}: not valid TOML: ${(e as Error).message.split('\n')[0]}`);
  }
  const groups = doc['package-groups'];
  if (!groups || typeof groups !== 'object') throw new ImportError(`${file}: no [package-groups.*] table`);
  const names: string[] = [];
  for (const [group, value] of Object.entries(groups as Record<string, unknown>)) {
    const pkgs = (value as { packages?: unknown }).packages;
    if (pkgs === undefined) continue;
    if (!Array.isArray(pkgs) || pkgs.some((p) => typeof p !== 'string')) {
      throw new ImportError(`${file}: package-groups.${group}.packages is not a list of strings`);
    }
    names.push(...(pkgs as string[]));
  }
  return names;
}

export interface ChannelLists {
  base: string[];
  sdk: string[];
  /** Names listed in both base and sdk/exceptions (kept in base). Empty for the Apr-30 lists. */
  overlap: string[];
}

/** base = base.packages.toml; sdk = sdk.packages.toml + exceptions.packages.toml (both publish to rpm-sdk). */
export function buildChannels(base: string[], sdk: string[], exceptions: string[]): ChannelLists {
  const baseSet = new Set(base);
  const sdkAll = sortedUnique([...sdk, ...exceptions]);
  return {
    base: sortedUnique(base),
    sdk: sdkAll.filter((n) => !baseSet.has(n)),
    overlap: sdkAll.filter((n) => baseSet.has(n)),
  };
}

// ---------------------------------------------------------------------------------------------
// (b) images.json

/** images.json key -> catalog image id. */
const IMAGE_KEYS: Record<ImageId, string> = {
  vm: 'vm-base',
  'container-core': 'container-core',
  'distroless-minimal': 'container-distroless-minimal',
  'distroless-base': 'container-distroless-base',
  'distroless-debug': 'container-distroless-debug',
};

export interface ImageSets {
  images: Record<ImageId, string[]>;
  imageInfo: Record<ImageId, CatalogImageInfo>;
  /** The `source` line of images.json. */
  source: string;
}

/**
 * Package sets of the five images: the packages each definition names explicitly plus its bootstrap
 * packages (arch tags like "shim [x86_64]" dropped). Dependencies are NOT listed (see vmImpliedDeps).
 */
export function parseImagesJson(text: string, file = 'images.json'): ImageSets {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new ImportError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  const images = {} as Record<ImageId, string[]>;
  const imageInfo = {} as Record<ImageId, CatalogImageInfo>;
  for (const id of IMAGE_IDS) {
    const key = IMAGE_KEYS[id];
    const def = doc[key] as { packages?: unknown; bootstrap_packages?: unknown; image?: unknown; description?: unknown } | undefined;
    if (!def || !Array.isArray(def.packages)) throw new ImportError(`${file}: "${key}.packages" is missing`);
    // Bootstrap packages stay in the VM and the core container; the distroless builds strip back to the
    // listed packages (their bootstrap busybox is what distroless/debug adds explicitly).
    const bootstrap = id.startsWith('distroless') ? [] : ((def.bootstrap_packages as string[] | undefined) ?? []);
    const all = [...(def.packages as string[]), ...bootstrap];
    images[id] = sortedUnique(all.map((p) => p.replace(/\s*\[[^\]]*\]\s*$/, '').trim()).filter(Boolean));
    const image =
      typeof def.image === 'string' ? def.image : typeof def.description === 'string' ? def.description : key;
    imageInfo[id] = {
      image,
      note:
        id === 'vm'
          ? `packages and bootstrap packages named by ${key} (vm-base.kiwi); their dependencies are installed too but not listed (see vmImpliedDeps)`
          : id === 'container-core'
            ? `packages and bootstrap packages named by ${key} (container-base.kiwi); dependencies are installed too but not listed (see containerCoreImpliedDeps, containerCoreAbsent)`
            : `packages named by ${key} (container-base.kiwi) and their dependencies; bash, ca-certificates, dnf and rpm are force-removed`,
    };
  }
  const note = typeof doc.note === 'string' ? ` (${doc.note})` : '';
  return { images, imageInfo, source: (typeof doc.source === 'string' ? doc.source : file) + note };
}

/**
 * Hard dependencies of the VM's listed packages, as the knowledge sheet states them
 * (§2 "Hard dependencies therefore also present", from the cloud-init and WALinuxAgent spec Requires).
 * requirement as the sheet words it -> the catalog package name, or null when the sheet does not pin
 * the providing package (e.g. /usr/bin/nc could be nmap-ncat or netcat).
 */
export const VM_IMPLIED_REQUIREMENTS: ReadonlyArray<readonly [string, string | null]> = [
  ['dhcpcd', 'dhcpcd'],
  ['procps', 'procps-ng'], // the procps tools ship in procps-ng (sheet §2 lists procps-ng in the later kiwi)
  ['openssl CLI', 'openssl'],
  ['/usr/bin/nc', null],
  ['e2fsprogs', 'e2fsprogs'],
  ['xfsprogs', 'xfsprogs'],
  ['python3', 'python3'],
  ['python3-libselinux', 'python3-libselinux'],
  ['policycoreutils-python3', null], // no package of that exact name; python3-policycoreutils or policycoreutils-python-utils
  ['iptables', 'iptables-nft'], // sheet §2/§3: iptables is iptables-nft
  ['parted', 'parted'],
  ['ntfsprogs', 'ntfsprogs'],
  ['logrotate', 'logrotate'],
  ['python3-crypt-r', 'python3-crypt-r'],
];
export const VM_IMPLIED_SOURCE =
  'knowledge sheet azurelinux-4.0.md §2 Default images / VM: "Hard dependencies therefore also present" ' +
  '[M:specs/c/cloud-init/cloud-init.spec and specs/w/WALinuxAgent/WALinuxAgent.spec Requires]';

/** Container core: dnf5 is kept (images.json note) and coreutils-single replaces coreutils (sheet §2 Containers). */
export const CORE_IMPLIED = ['dnf5', 'coreutils-single'] as const;
export const CORE_IMPLIED_SOURCE =
  'images.json container-core note ("the core image keeps dnf5"); knowledge sheet §2 Containers: coreutils-single ' +
  '[IX:base/images/tests/cases/container-base/static/test_container.py@2298bdd]';
/** Container core: its BVT installs these first, so they are absent by default (sheet §2 Containers). */
export const CORE_ABSENT = ['procps-ng', 'gawk', 'util-linux', 'iproute', 'iputils', 'hostname', 'shadow-utils', 'python3'] as const;
export const CORE_ABSENT_SOURCE =
  'knowledge sheet §2 Containers: "Core image BVT must first install ..." ' +
  '[IX:base/images/tests/cases/container-base/runtime/test_container_bvt.py@2298bdd]';

/**
 * Virtual names the image definitions or users use that are RPM Provides of another package
 * (knowledge sheet §1 and §3; only names whose providing package exists in the lists are kept).
 */
export const KNOWN_PROVIDES: ReadonlyArray<readonly [string, string]> = [
  ['wget', 'wget2-wget'], // §2/§3: wget is wget2 via wget2-wget (Provides wget)
  ['zlib', 'zlib-ng-compat'], // §3: zlib -> zlib-ng-compat (Provides zlib)
  ['tdnf', 'dnf5'], // §1: AZL adds /usr/bin/tdnf and "Provides: tdnf"
  ['dnf', 'dnf5'], // §1: dnf5 Provides/Obsoletes dnf<5
  ['yum', 'dnf5'], // §1: dnf5 Provides/Obsoletes yum<5
  ['microdnf', 'dnf5'], // §1: dnf5 Provides/Obsoletes microdnf<4
  ['passwd', 'shadow-utils'], // §2: shadow-utils also Provides/Obsoletes passwd
  ['dnf-automatic', 'dnf5-plugin-automatic'], // §1: dnf5-plugin-automatic Provides dnf-automatic
];
export const KNOWN_PROVIDES_SOURCE =
  'knowledge sheet azurelinux-4.0.md §1 Commands present, §2 VM and Filesystem layout, §3 Renamed ' +
  '[M:specs/d/dnf5/dnf5.spec; M:base/comps/dnf5/dnf5.comp.toml; M:specs/s/shadow-utils/shadow-utils.spec; CALC provides]';

function implied(source: string, pairs: ReadonlyArray<readonly [string, string | null]>, known: Set<string>): ImpliedDeps {
  const packages: string[] = [];
  const unresolved: string[] = [];
  for (const [req, pkg] of pairs) {
    if (pkg && known.has(pkg)) packages.push(pkg);
    else unresolved.push(req);
  }
  return { source, packages: sortedUnique(packages), unresolved: sortedUnique(unresolved) };
}

// ---------------------------------------------------------------------------------------------
// comps.xml

/** Package groups of a comps.xml document (id, English name, mandatory/default/optional package names). */
export function parseComps(text: string, file = 'comps.xml'): CatalogGroup[] {
  const groups: CatalogGroup[] = [];
  const parser = new SaxesParser();
  let group: CatalogGroup | undefined;
  let field: 'id' | 'name' | 'req' | undefined;
  let reqType = 'mandatory';
  let text_ = '';
  let depth = 0;
  let groupDepth = -1;
  parser.on('opentag', (tag) => {
    depth++;
    if (tag.name === 'group') {
      group = { id: '', name: '', mandatory: [], default: [], optional: [] };
      groupDepth = depth;
    } else if (group && depth === groupDepth + 1 && (tag.name === 'id' || (tag.name === 'name' && !tag.attributes['xml:lang']))) {
      field = tag.name === 'id' ? 'id' : 'name';
      text_ = '';
    } else if (group && tag.name === 'packagereq') {
      field = 'req';
      reqType = String(tag.attributes.type ?? 'mandatory');
      text_ = '';
    }
  });
  parser.on('text', (t) => {
    if (field) text_ += t;
  });
  parser.on('closetag', (tag) => {
    if (group && field) {
      const value = text_.trim();
      if (field === 'id' && tag.name === 'id') group.id = value;
      else if (field === 'name' && tag.name === 'name') group.name = value;
      else if (field === 'req' && tag.name === 'packagereq') {
        const list = reqType === 'default' ? group.default : reqType === 'optional' ? group.optional : group.mandatory;
        if (reqType !== 'conditional') list.push(value);
      }
      field = undefined;
    }
    if (tag.name === 'group' && group) {
      groups.push({
        ...group,
        mandatory: sortedUnique(group.mandatory),
        default: sortedUnique(group.default),
        optional: sortedUnique(group.optional),
      });
      group = undefined;
    }
    depth--;
  });
  try {
    parser.write(text).close();
  } catch (e) {
    throw new ImportError(`${file}: not valid XML: ${(e as Error).message}`);
  }
  return groups.sort((a, b) => byCodePoint(a.id, b.id));
}

// ---------------------------------------------------------------------------------------------
// (c) rpm-md primary.xml

export interface PrimaryData {
  /** Binary package names (source packages skipped), sorted. */
  names: string[];
  /** Plain-name Provides (no parentheses or paths) other than the package's own name -> providers. */
  provides: Record<string, string[]>;
  /** Command basename under /usr/bin, /usr/sbin, /bin, /sbin -> packages shipping it. */
  commands: Record<string, string[]>;
  /** <package> elements read (all arches). */
  packageCount: number;
}

const PLAIN_NAME = /^[A-Za-z0-9_][A-Za-z0-9._+-]*$/;
const COMMAND_DIR = /^\/(?:usr\/)?s?bin\/([^/]+)$/;

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/**
 * A push parser for rpm-md primary.xml: write() text chunks, then finish(). Throws ImportError on
 * malformed XML or a document that is not rpm-md primary metadata.
 */
export function createPrimaryParser(file = 'primary.xml'): { write(chunk: string): void; finish(): PrimaryData } {
  const parser = new SaxesParser({ position: true });
  const names = new Set<string>();
  const provides = new Map<string, Set<string>>();
  const commands = new Map<string, Set<string>>();
  let packageCount = 0;
  let rootSeen = false;
  let inPackage = false;
  let isSource = false;
  let name = '';
  let pkgProvides: string[] = [];
  let pkgCommands: string[] = [];
  let capture: 'name' | 'arch' | 'file' | undefined;
  let buf = '';
  let fileIsDir = false;
  let inProvides = false;

  const add = (map: Map<string, Set<string>>, key: string, value: string): void => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(value);
  };

  parser.on('opentag', (tag) => {
    const tn = localName(tag.name);
    if (!rootSeen) {
      rootSeen = true;
      if (tn !== 'metadata') {
        throw new ImportError(`${file}: not rpm-md primary metadata (root element is <${tag.name}>, expected <metadata>)`);
      }
      return;
    }
    if (tn === 'package') {
      inPackage = true;
      isSource = false;
      name = '';
      pkgProvides = [];
      pkgCommands = [];
      packageCount++;
      return;
    }
    if (!inPackage) return;
    if (tn === 'name' || tn === 'arch') {
      if (!inProvides) {
        capture = tn;
        buf = '';
      }
    } else if (tn === 'file') {
      capture = 'file';
      buf = '';
      fileIsDir = tag.attributes.type === 'dir' || tag.attributes.type === 'ghost';
    } else if (tn === 'provides') {
      inProvides = true;
    } else if (tn === 'entry' && inProvides) {
      const n = tag.attributes.name;
      if (typeof n === 'string') pkgProvides.push(n);
    }
  });
  parser.on('text', (t) => {
    if (capture) buf += t;
  });
  parser.on('closetag', (tag) => {
    const tn = localName(tag.name);
    if (capture && tn === capture) {
      const value = buf.trim();
      if (capture === 'name') name = value;
      else if (capture === 'arch') isSource = value === 'src' || value === 'nosrc';
      else if (!fileIsDir) {
        const m = COMMAND_DIR.exec(value);
        if (m?.[1]) pkgCommands.push(m[1]);
      }
      capture = undefined;
      return;
    }
    if (tn === 'provides') inProvides = false;
    else if (tn === 'package' && inPackage) {
      inPackage = false;
      if (!name) throw new ImportError(`${file}: a <package> without <name> (line ${parser.line})`);
      if (isSource) return;
      names.add(name);
      for (const p of pkgProvides) if (p !== name && PLAIN_NAME.test(p)) add(provides, p, name);
      for (const c of pkgCommands) add(commands, c, name);
    }
  });

  const fail = (e: unknown): never => {
    if (e instanceof ImportError) throw e;
    throw new ImportError(`${file}: not valid XML: ${(e as Error).message}`);
  };

  return {
    write(chunk: string) {
      try {
        parser.write(chunk);
      } catch (e) {
        fail(e);
      }
    },
    finish(): PrimaryData {
      try {
        parser.close();
      } catch (e) {
        if (!rootSeen) throw new ImportError(`${file}: empty document (no XML root element)`);
        fail(e);
      }
      if (!rootSeen) throw new ImportError(`${file}: empty document (no XML root element)`);
      const toRecord = (m: Map<string, Set<string>>): Record<string, string[]> => {
        const out: Record<string, string[]> = {};
        for (const k of [...m.keys()].sort(byCodePoint)) out[k] = sortedUnique(m.get(k)!);
        return out;
      };
      // A Provides equal to another real package name is not a virtual name: drop it.
      for (const k of [...provides.keys()]) if (names.has(k)) provides.delete(k);
      return { names: sortedUnique(names), provides: toRecord(provides), commands: toRecord(commands), packageCount };
    },
  };
}

type Compression = 'gzip' | 'zstd' | 'xz' | 'bzip2' | 'none';

/** Detect compression by magic bytes (the file name is not trusted). */
export function detectCompression(head: Uint8Array): Compression {
  const b = (i: number): number | undefined => head[i];
  if (b(0) === 0x1f && b(1) === 0x8b) return 'gzip';
  if (b(0) === 0x28 && b(1) === 0xb5 && b(2) === 0x2f && b(3) === 0xfd) return 'zstd';
  if (b(0) === 0xfd && b(1) === 0x37 && b(2) === 0x7a && b(3) === 0x58 && b(4) === 0x5a && b(5) === 0x00) return 'xz';
  if (b(0) === 0x42 && b(1) === 0x5a && b(2) === 0x68) return 'bzip2';
  return 'none';
}

/** Decompress with an external tool (zstd/xz/bzip2 -dc), for formats node:zlib lacks. */
function externalDecompress(tool: string, file: string): { stream: Readable; done: Promise<void> } {
  const child = spawn(tool, ['-dc', '--', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    if (stderr.length < 2000) stderr += d;
  });
  const done = new Promise<void>((resolvePromise, reject) => {
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(
        new ImportError(
          e.code === 'ENOENT'
            ? `${file}: is ${tool}-compressed and the "${tool}" command is not installed; decompress it first (${tool} -d ${file})`
            : `${file}: cannot run ${tool}: ${e.message}`,
        ),
      ),
    );
    child.on('close', (code) =>
      code === 0
        ? resolvePromise()
        : reject(new ImportError(`${file}: ${tool} could not decompress it: ${stderr.trim() || `exit code ${code}`}`)),
    );
  });
  return { stream: child.stdout, done };
}

/**
 * Stream a primary.xml (plain, .gz natively; .zst natively where node:zlib has zstd, else through the
 * zstd/xz/bzip2 commands) and collect package names, plain Provides and commands.
 * Throws ImportError with a one-line message for missing files, corrupt compression or bad XML.
 */
export async function readPrimaryXml(file: string): Promise<PrimaryData> {
  const head = new Uint8Array(6);
  try {
    const fh = await open(file, 'r');
    try {
      await fh.read(head, 0, 6, 0);
    } finally {
      await fh.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ImportError(
      code === 'ENOENT' ? `${file}: no such file` : code === 'EISDIR' ? `${file}: is a directory` : `${file}: cannot read: ${(e as Error).message}`,
    );
  }
  const compression = detectCompression(head);
  const parser = createPrimaryParser(file);
  const decoder = new StringDecoder('utf8');
  const sink = async (source: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of source) parser.write(decoder.write(chunk));
    parser.write(decoder.end());
  };
  const zstdNative = (zlib as unknown as { createZstdDecompress?: () => zlib.Gunzip }).createZstdDecompress;
  try {
    if (compression === 'none') await pipeline(createReadStream(file), sink);
    else if (compression === 'gzip') await pipeline(createReadStream(file), zlib.createGunzip(), sink);
    else if (compression === 'zstd' && zstdNative) await pipeline(createReadStream(file), zstdNative(), sink);
    else {
      const { stream, done } = externalDecompress(compression, file);
      await Promise.all([pipeline(stream, sink), done]);
    }
  } catch (e) {
    if (e instanceof ImportError) throw e;
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'Z_BUF_ERROR' || err.code === 'Z_DATA_ERROR' || /unexpected end|incorrect header|invalid/i.test(err.message)) {
      throw new ImportError(`${file}: truncated or corrupt ${compression} data (${err.message})`);
    }
    throw new ImportError(`${file}: cannot read: ${err.message}`);
  }
  return parser.finish();
}

// ---------------------------------------------------------------------------------------------
// Azure Linux 3.0 lists

/** binary-packages.txt: one name a line; blank lines and # comments ignored. */
export function parseNameList(text: string): string[] {
  return sortedUnique(
    text
      .split(/\r?\n/)
      .map((l) => l.replace(/#.*/, '').trim())
      .filter(Boolean),
  );
}

// ---------------------------------------------------------------------------------------------
// hashing, source, assembly

export interface InputFile {
  /** Path relative to the import root, with forward slashes. */
  path: string;
  bytes: Uint8Array;
}

/** SHA-256 over the inputs sorted by path: for each, its path, a NUL, its length, a NUL and its bytes. */
export function hashInputs(files: InputFile[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => byCodePoint(a.path, b.path))) {
    h.update(f.path).update('\0').update(String(f.bytes.length)).update('\0').update(f.bytes);
  }
  return h.digest('hex');
}

/** Source facts from the data README heading of a folder, e.g. "## azurelinux-4.0/  (branch `x`, commit abc, 2026-04-30)". */
export function parseDataReadme(readme: string, folder: string): { branch: string | null; commit: string | null; date: string | null } {
  const line = readme.split(/\r?\n/).find((l) => l.startsWith('## ') && l.includes(`${folder}/`)) ?? '';
  return {
    branch: /branch `([^`]+)`/.exec(line)?.[1] ?? null,
    commit: /commit ([0-9a-f]{7,40})/.exec(line)?.[1] ?? null,
    date: /(\d{4}-\d{2}-\d{2})/.exec(line)?.[1] ?? null,
  };
}

export const AZL4_DATA_FILES = [
  'azurelinux-4.0/base.packages.toml',
  'azurelinux-4.0/sdk.packages.toml',
  'azurelinux-4.0/exceptions.packages.toml',
  'azurelinux-4.0/images.json',
  'azurelinux-4.0/comps.xml',
] as const;

export const AZL3_DATA_FILES = [
  'azurelinux-3.0/binary-packages.txt',
  'azurelinux-3.0/core-packages.json',
  'azurelinux-3.0/core-packages-container.json',
  'azurelinux-3.0/core-packages-image.json',
  'azurelinux-3.0/marketplace-tools-packages.json',
] as const;

/** Build the AZL4 catalog from the data folder's files (path -> text); `readme` is data/README.md. */
export function buildAzl4Catalog(files: Record<string, string>, readme: string): Catalog {
  const text = (p: string): string => {
    const t = files[p];
    if (t === undefined) throw new ImportError(`missing input file ${p}`);
    return t;
  };
  const channels = buildChannels(
    parsePackageListToml(text('azurelinux-4.0/base.packages.toml'), 'base.packages.toml'),
    parsePackageListToml(text('azurelinux-4.0/sdk.packages.toml'), 'sdk.packages.toml'),
    parsePackageListToml(text('azurelinux-4.0/exceptions.packages.toml'), 'exceptions.packages.toml'),
  );
  const known = new Set([...channels.base, ...channels.sdk]);
  const img = parseImagesJson(text('azurelinux-4.0/images.json'));
  const groups = parseComps(text('azurelinux-4.0/comps.xml'));
  const facts = parseDataReadme(readme, 'azurelinux-4.0');
  const provides: Record<string, string[]> = {};
  for (const [virtual, pkg] of [...KNOWN_PROVIDES].sort((a, b) => byCodePoint(a[0], b[0]))) {
    if (known.has(pkg) && !known.has(virtual)) provides[virtual] = [pkg];
  }

  const source: CatalogSource = {
    repository: 'microsoft/azurelinux',
    branch: facts.branch,
    commit: facts.commit,
    date: facts.date,
    files: [...AZL4_DATA_FILES],
  };
  const inputs = AZL4_DATA_FILES.map((p) => ({ path: p, bytes: Buffer.from(text(p), 'utf8') }));
  const notes = [
    'channels.base = base.packages.toml (rpm-base, supported); channels.sdk = sdk.packages.toml + exceptions.packages.toml (rpm-sdk, unsupported)',
    `images: ${img.source}`,
  ];
  if (channels.overlap.length) notes.push(`names in both base and sdk lists (kept in base): ${channels.overlap.join(', ')}`);
  return {
    schema: CATALOG_SCHEMA,
    target: 'azurelinux-4.0',
    source,
    inputSha256: hashInputs(inputs),
    channels: { base: channels.base, sdk: channels.sdk },
    images: img.images,
    imageInfo: img.imageInfo,
    vmImpliedDeps: implied(VM_IMPLIED_SOURCE, VM_IMPLIED_REQUIREMENTS, known),
    containerCoreImpliedDeps: implied(CORE_IMPLIED_SOURCE, CORE_IMPLIED.map((p) => [p, p] as const), known),
    containerCoreAbsent: implied(CORE_ABSENT_SOURCE, CORE_ABSENT.map((p) => [p, p] as const), known),
    provides,
    providesSource: KNOWN_PROVIDES_SOURCE,
    groups,
    notes,
  };
}

export interface Azl3PackageList {
  schema: 'azl-migrate/package-list@1';
  target: 'azurelinux-3.0';
  source: CatalogSource;
  inputSha256: string;
  /** Binary package names from the spec files (heuristic: macro-heavy names may be missing). */
  packages: string[];
  /** Package sets of the 3.0 images (metapackages expanded one level). */
  images: { 'container-core': string[]; vm: string[] };
  notes: string[];
}

/** Build the AZL3 package list from the data folder's azurelinux-3.0 files. */
export function buildAzl3PackageList(files: Record<string, string>, readme: string): Azl3PackageList {
  const text = (p: string): string => {
    const t = files[p];
    if (t === undefined) throw new ImportError(`missing input file ${p}`);
    return t;
  };
  const json = (p: string): Record<string, unknown> => {
    try {
      return JSON.parse(text(p)) as Record<string, unknown>;
    } catch (e) {
      throw new ImportError(`${p}: not valid JSON: ${(e as Error).message}`);
    }
  };
  const meta = (json('azurelinux-3.0/core-packages.json').metapackages ?? {}) as Record<string, string[]>;
  const expand = (names: string[], seen = new Set<string>()): string[] => {
    const out: string[] = [];
    for (const raw of names) {
      const n = raw.replace('%{name}', 'core-packages');
      const sub = meta[n];
      if (sub && !seen.has(n)) {
        seen.add(n);
        out.push(...expand(sub, seen));
      } else out.push(n);
    }
    return out;
  };
  const list = (p: string): string[] => (json(p).packages as string[] | undefined) ?? [];
  const facts = parseDataReadme(readme, 'azurelinux-3.0');
  const inputs = AZL3_DATA_FILES.map((p) => ({ path: p, bytes: Buffer.from(text(p), 'utf8') }));
  return {
    schema: 'azl-migrate/package-list@1',
    target: 'azurelinux-3.0',
    source: { repository: 'microsoft/azurelinux', branch: facts.branch, commit: facts.commit, date: facts.date, files: [...AZL3_DATA_FILES] },
    inputSha256: hashInputs(inputs),
    packages: parseNameList(text('azurelinux-3.0/binary-packages.txt')),
    images: {
      'container-core': sortedUnique(expand(list('azurelinux-3.0/core-packages-container.json'))),
      vm: sortedUnique(
        expand([...list('azurelinux-3.0/core-packages-image.json'), ...list('azurelinux-3.0/marketplace-tools-packages.json')]),
      ),
    },
    notes: [
      'packages: Name: and %package lines of the SPECS/ and SPECS-EXTENDED/ spec files (binary-packages.txt); macro-heavy names may be missing',
      'images.container-core: core-packages-container.json expanded through core-packages.json; images.vm: core-packages-image.json + marketplace-tools-packages.json expanded likewise',
    ],
  };
}

/** Deterministic JSON text: one-space indentation (one array element a line), trailing newline. */
export function serializeJson(value: unknown): string {
  return JSON.stringify(value, null, 1) + '\n';
}

/** Combined hash of already-hashed inputs (large primary.xml files are hashed while streaming). */
export function hashDigests(files: Array<{ path: string; sha256: string }>): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => byCodePoint(a.path, b.path))) h.update(`${f.path}\0${f.sha256}\n`);
  return h.digest('hex');
}

/**
 * Build a catalog from primary.xml data for one channel (used by `azl-migrate catalog import`).
 * `base` supplies what primary.xml cannot tell: the other channel, images and image facts.
 */
export function catalogFromPrimary(args: {
  data: PrimaryData;
  channel: 'base' | 'sdk';
  files: Array<{ path: string; sha256: string }>;
  base: Catalog;
  baseLabel: string;
}): Catalog {
  const { data, channel, base } = args;
  const other = channel === 'base' ? 'sdk' : 'base';
  const mine = new Set(data.names);
  const otherNames = base.channels[other].filter((n) => !mine.has(n));
  const known = new Set([...data.names, ...otherNames]);
  const keep = (rec: Record<string, string[]> | undefined): Record<string, string[]> => {
    const out: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(rec ?? {})) {
      const ps = v.filter((p) => known.has(p) && !mine.has(p)); // entries of the replaced channel come from data
      if (ps.length && !known.has(k)) out[k] = ps;
    }
    return out;
  };
  const merge = (a: Record<string, string[]>, b: Record<string, string[]>): Record<string, string[]> => {
    const out: Record<string, string[]> = {};
    for (const k of sortedUnique([...Object.keys(a), ...Object.keys(b)])) {
      const v = sortedUnique([...(a[k] ?? []), ...(b[k] ?? [])]);
      if (v.length) out[k] = v;
    }
    return out;
  };
  const dataProvides: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(data.provides)) if (!known.has(k)) dataProvides[k] = v;
  return {
    schema: CATALOG_SCHEMA,
    target: base.target,
    source: {
      repository: null,
      branch: null,
      commit: null,
      date: null,
      files: sortedUnique(args.files.map((f) => f.path)),
    },
    inputSha256: hashDigests(args.files),
    channels: channel === 'base' ? { base: data.names, sdk: otherNames } : { base: otherNames, sdk: data.names },
    images: base.images,
    ...(base.imageInfo ? { imageInfo: base.imageInfo } : {}),
    ...(base.vmImpliedDeps ? { vmImpliedDeps: base.vmImpliedDeps } : {}),
    ...(base.containerCoreImpliedDeps ? { containerCoreImpliedDeps: base.containerCoreImpliedDeps } : {}),
    ...(base.containerCoreAbsent ? { containerCoreAbsent: base.containerCoreAbsent } : {}),
    provides: merge(keep(base.provides), dataProvides),
    providesSource: `Provides of the imported primary.xml (${channel}); others from ${args.baseLabel}`,
    commands: merge(keep(base.commands), data.commands),
    ...(base.groups ? { groups: base.groups } : {}),
    notes: [
      `channels.${channel}: ${data.names.length} names from ${sortedUnique(args.files.map((f) => f.path)).join(', ')} (${data.packageCount} <package> elements)`,
      `channels.${other}, images and image facts carried over from ${args.baseLabel}`,
    ],
  };
}
