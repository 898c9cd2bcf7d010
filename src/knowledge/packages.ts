/**
 * Package knowledge API: what a package name from another distribution (or Azure Linux 3.0) becomes on
 * Azure Linux 4.0, with channel, image membership, confidence and source.
 *
 * Order of evidence: the reviewed map (rules/maps/<from>.json), then the catalog itself (same name or
 * a known virtual Provides), then general naming rules (lower confidence, only when their result is a
 * catalog name), else "unknown".
 */
import { readFileSync } from 'node:fs';
import { loadCatalog, type Channel, type ImagePresence, type LoadedCatalog } from './catalog.js';
import {
  loadPackageMap,
  type Confidence,
  type MapEntry,
  type MapKind,
  type SourceDistro,
} from './package-maps.js';
import { rulesPath } from './paths.js';

export type { SourceDistro, Confidence, MapKind } from './package-maps.js';
export { SOURCE_DISTROS, isSourceDistro } from './package-maps.js';
export { loadCatalog, channelOf, imagePresence } from './catalog.js';

// ---------------------------------------------------------------------------------------------
// package specs

export interface PackageSpec {
  raw: string;
  /** The package name (what resolution works on). */
  name: string;
  version?: string;
  /** Version operator as written: "=" (apt, apk), "~", ">=", "<=", ">", "<", "~=" (apk), or dnf-style with spaces. */
  operator?: string;
  /** apt multiarch qualifier (libc6:amd64) or rpm arch suffix (curl.x86_64). */
  arch?: string;
  /** apt target release (pkg/bookworm-backports) or apk repository tag (pkg@edge). */
  release?: string;
  /** Set when the text is not a valid spec for that distribution's tool. */
  problem?: string;
}

const DEB_NAME = /^[a-z0-9][a-z0-9+.-]+$/;
const RPM_ARCHES = new Set(['x86_64', 'aarch64', 'noarch', 'i686', 'i386', 'armv7hl', 'ppc64le', 's390x', 'src']);

/**
 * Split a package spec as written in an install command into name / version / operator / arch.
 * debian: name[:arch][=version] or name/release (apt has no >= syntax);
 * alpine: name[=|~|>|<|>=|<=|~=version][@tag];
 * el / azurelinux: name[.arch], "name >= 1.2" or name>=1.2 (dnf, Ansible).
 */
export function parsePackageSpec(raw: string, from: SourceDistro): PackageSpec {
  const text = raw.trim().replace(/^(['"])(.*)\1$/, '$2').trim();
  const spec: PackageSpec = { raw, name: text };
  if (from === 'debian') {
    let rest = text;
    const cmp = /^([^<>=]+?)\s*(>=|<=|<<|>>|<|>)\s*(.+)$/.exec(rest);
    if (cmp) {
      // not apt syntax (apt only knows name=version), but seen in requirement lists: keep what was meant
      spec.operator = cmp[2]!;
      spec.version = cmp[3]!;
      spec.problem = 'apt has no version comparison operators (only name=version)';
      rest = cmp[1]!;
    } else {
      const eq = rest.indexOf('=');
      if (eq >= 0) {
        spec.version = rest.slice(eq + 1);
        spec.operator = '=';
        rest = rest.slice(0, eq);
      }
    }
    const slash = rest.indexOf('/');
    if (slash >= 0) {
      spec.release = rest.slice(slash + 1);
      rest = rest.slice(0, slash);
    }
    const colon = rest.indexOf(':');
    if (colon >= 0) {
      spec.arch = rest.slice(colon + 1);
      rest = rest.slice(0, colon);
    }
    spec.name = rest;
    if (!spec.problem && !DEB_NAME.test(rest)) spec.problem = 'not a valid Debian package name';
    return spec;
  }
  if (from === 'alpine') {
    let rest = text;
    const at = rest.indexOf('@');
    if (at > 0) {
      spec.release = rest.slice(at + 1);
      rest = rest.slice(0, at);
    }
    const m = /^([^=<>~]+?)(~=|>=|<=|=|~|>|<)(.+)$/.exec(rest);
    if (m) {
      spec.name = m[1]!;
      spec.operator = m[2]!;
      spec.version = m[3]!;
    } else spec.name = rest;
    return spec;
  }
  // rpm family
  const m = /^(\S+?)\s*(>=|<=|==|=|>|<)\s*(\S+)$/.exec(text);
  let name = m ? m[1]! : text;
  if (m) {
    spec.operator = m[2]!;
    spec.version = m[3]!;
  }
  const dot = name.lastIndexOf('.');
  if (dot > 0 && RPM_ARCHES.has(name.slice(dot + 1))) {
    spec.arch = name.slice(dot + 1);
    name = name.slice(0, dot);
  }
  spec.name = name;
  return spec;
}

// ---------------------------------------------------------------------------------------------
// resolution

export type ResolutionStatus = 'same' | 'renamed' | 'split' | 'sdk-only' | 'unavailable' | 'unknown';

export interface ResolvedTarget {
  name: string;
  /** null: the name is not in the catalog in use. */
  channel: Channel | null;
  /** Whether the VM image has it: listed by its definition, a known dependency, or not listed. */
  vm: ImagePresence;
  /** Whether the container core image has it. */
  containerCore: ImagePresence;
}

export interface PackageResolution {
  input: string;
  from: SourceDistro;
  spec: PackageSpec;
  status: ResolutionStatus;
  targets: ResolvedTarget[];
  kind: MapKind;
  confidence: Confidence;
  /** Where the answer comes from: "catalog", "knowledge:§…", a URL, or "rule:<name>" for naming rules. */
  source: string;
  /** Which evidence produced it. */
  via: 'map' | 'catalog' | 'provides' | 'rule' | 'none';
  note?: string;
  reason?: string;
  action?: string;
  alternatives?: ResolvedTarget[];
  /**
   * For a reviewed "no equivalent" (status unavailable): the package of the same name that the catalog does list,
   * which exists but does not do the job (the sdk channel's apt and dpkg work with Debian packages; they do not
   * manage an RPM system's packages).
   */
  sameName?: ResolvedTarget;
}

export interface ResolveOptions {
  catalog?: LoadedCatalog;
}

const SDK_NOTE =
  'rpm-sdk: built but unsupported, and no sdk repository is configured by default (knowledge §1 Repositories and channels)';

let azl3Names: Set<string> | undefined;
/** Azure Linux 3.0 binary package names (rules/targets/azurelinux-3.0/packages.json). */
export function azl3PackageNames(): Set<string> {
  if (!azl3Names) {
    const data = JSON.parse(readFileSync(rulesPath('targets', 'azurelinux-3.0', 'packages.json'), 'utf8')) as { packages: string[] };
    azl3Names = new Set(data.packages);
  }
  return azl3Names;
}

const lowerIndexCache = new WeakMap<LoadedCatalog, Map<string, string>>();
function lowerIndex(cat: LoadedCatalog): Map<string, string> {
  let idx = lowerIndexCache.get(cat);
  if (!idx) {
    idx = new Map();
    for (const n of [...cat.data.channels.base, ...cat.data.channels.sdk]) {
      const k = n.toLowerCase();
      if (!idx.has(k)) idx.set(k, n);
    }
    lowerIndexCache.set(cat, idx);
  }
  return idx;
}

function target(cat: LoadedCatalog, name: string): ResolvedTarget {
  return {
    name,
    channel: cat.channelOf(name) ?? null,
    vm: cat.imagePresence('vm', name),
    containerCore: cat.imagePresence('container-core', name),
  };
}

function statusFor(input: string, targets: ResolvedTarget[]): ResolutionStatus {
  if (targets.length === 0) return 'unavailable';
  if (targets.every((t) => t.channel === 'sdk')) return 'sdk-only';
  if (targets.length > 1) return 'split';
  return targets[0]!.name === input ? 'same' : 'renamed';
}

function withSdkNote(r: PackageResolution): PackageResolution {
  if (r.targets.some((t) => t.channel === 'sdk')) r.note = r.note ? `${r.note}; ${SDK_NOTE}` : SDK_NOTE;
  return r;
}

/**
 * General naming rules (Debian/Alpine/EL conventions -> Fedora conventions). Each yields candidate
 * names; the first that exists in the catalog wins. Results are low confidence.
 */
export function ruleCandidates(name: string, from: SourceDistro): Array<{ rule: string; name: string }> {
  const out: Array<{ rule: string; name: string }> = [];
  const add = (rule: string, n: string): void => {
    if (n && n !== name) out.push({ rule, name: n });
  };
  if (from === 'debian' || from === 'alpine') {
    const dev = /^(.+)-dev$/.exec(name);
    if (dev) {
      const stem = dev[1]!;
      add('dev->devel', `${stem}-devel`);
      const lib = /^lib(.+)$/.exec(stem);
      if (lib) {
        add('lib<x>-dev-><x>-devel', `${lib[1]}-devel`);
        const bare = lib[1]!.replace(/[0-9.]+$/, '');
        if (bare !== lib[1]) {
          add('lib<x><n>-dev->lib<x>-devel', `lib${bare}-devel`);
          add('lib<x><n>-dev-><x>-devel', `${bare}-devel`);
        }
      } else add('<x>-dev->lib<x>-devel', `lib${stem}-devel`);
    }
    const dbg = /^(.+)-dbg$/.exec(name);
    if (dbg) add('dbg->debuginfo', `${dbg[1]}-debuginfo`);
  }
  if (from === 'debian') {
    // runtime library packages carry the soname version: libfoo1 -> libfoo / foo-libs
    const so = /^lib(.+?)(?:[0-9.]+[a-z]?|-[0-9.]+)(?:t64)?$/.exec(name);
    if (so && !name.endsWith('-dev')) {
      add('lib<x><soversion>->lib<x>', `lib${so[1]}`);
      add('lib<x><soversion>-><x>-libs', `${so[1]}-libs`);
    }
  }
  if (from === 'alpine') {
    const py = /^py3-(.+)$/.exec(name);
    if (py) add('py3-<x>->python3-<x>', `python3-${py[1]}`);
  }
  if (from === 'el') {
    const py = /^python-(.+)$/.exec(name);
    if (py) add('python-<x>->python3-<x>', `python3-${py[1]}`);
  }
  return out;
}

/** Resolve one package name (a spec is parsed first) from a source distribution to Azure Linux 4.0. */
export function resolvePackage(raw: string, from: SourceDistro, opts: ResolveOptions = {}): PackageResolution {
  const cat = opts.catalog ?? loadCatalog();
  const spec = parsePackageSpec(raw, from);
  const name = spec.name;
  const base = { input: raw, from, spec };
  const problems: string[] = [];
  if (spec.problem) problems.push(`"${raw}": ${spec.problem}`);
  if (spec.arch && /^(i386|i686|armhf|armel|x86|armhfp|armv7)$/.test(spec.arch)) {
    problems.push(`architecture ${spec.arch}: Azure Linux 4.0 has no 32-bit packages (knowledge §0)`);
  }
  const finish = (r: PackageResolution): PackageResolution => {
    if (problems.length) r.note = [...problems, ...(r.note ? [r.note] : [])].join('; ');
    return withSdkNote(r);
  };

  // 1. reviewed map
  if (from !== 'azurelinux-4.0') {
    const map = loadPackageMap(from).packages;
    const entry: MapEntry | undefined = Object.hasOwn(map, name) ? map[name] : undefined;
    if (entry) {
      const targets = entry.to.map((t) => target(cat, t));
      const known = targets.filter((t) => t.channel !== null);
      const kind = entry.kind ?? 'equivalent';
      const r: PackageResolution = {
        ...base,
        status: entry.to.length && !known.length ? 'unknown' : statusFor(name, targets),
        targets,
        kind,
        confidence: entry.confidence ?? (kind === 'substitute' ? 'medium' : 'high'),
        source: entry.source,
        via: 'map',
        ...(entry.note ? { note: entry.note } : {}),
        ...(entry.reason ? { reason: entry.reason } : {}),
        ...(entry.action ? { action: entry.action } : {}),
        ...(entry.alternatives?.length ? { alternatives: entry.alternatives.map((t) => target(cat, t)) } : {}),
      };
      if (r.status === 'unknown') r.note = `map target(s) ${entry.to.join(', ')} not in the catalog in use: verify`;
      const same = entry.to.length === 0 && cat.channelOf(name) ? target(cat, name) : undefined;
      if (same) {
        r.sameName = same;
        const where = `a package named ${name} is in Azure Linux 4.0's ${same.channel} channel${same.channel === 'sdk' ? ' (unsupported)' : ''}, but it does not do this job there`;
        r.note = r.note ? `${where}; ${r.note}` : where;
      }
      return finish(r);
    }
  }

  const sameConfidence: Confidence = from === 'debian' || from === 'alpine' ? 'medium' : 'high';
  // 2. same name in the catalog
  if (cat.channelOf(name)) {
    const t = target(cat, name);
    return finish({
      ...base,
      status: t.channel === 'sdk' ? 'sdk-only' : 'same',
      targets: [t],
      kind: 'equivalent',
      confidence: from === 'azurelinux-4.0' ? 'high' : sameConfidence,
      source: 'catalog',
      via: 'catalog',
      ...(sameConfidence === 'medium' && from !== 'azurelinux-4.0'
        ? { note: 'same name in Azure Linux 4.0 (not reviewed in the map; check it is the same software)' }
        : {}),
    });
  }
  // 3. virtual name (Provides) known to the catalog
  const providers = cat.providers(name);
  if (providers.length) {
    const targets = providers.map((p) => target(cat, p));
    return finish({
      ...base,
      status: from === 'azurelinux-4.0' ? (targets.every((t) => t.channel === 'sdk') ? 'sdk-only' : 'same') : statusFor(name, targets),
      targets,
      kind: 'equivalent',
      confidence: sameConfidence,
      source: cat.data.providesSource ?? 'catalog',
      via: 'provides',
      note: `"${name}" is a virtual name (RPM Provides) of ${providers.join(', ')}; installing it by that name works`,
    });
  }
  // 4. naming rules
  if (from !== 'azurelinux-4.0') {
    const lower = lowerIndex(cat);
    for (const c of ruleCandidates(name, from)) {
      const hit = cat.channelOf(c.name) ? c.name : undefined;
      if (hit) {
        const t = target(cat, hit);
        return finish({
          ...base,
          status: statusFor(name, [t]),
          targets: [t],
          kind: 'equivalent',
          confidence: 'low',
          source: `rule:${c.rule}`,
          via: 'rule',
          note: `guessed by the naming rule ${c.rule}; verify`,
        });
      }
    }
    const ci = lower.get(name.toLowerCase());
    if (ci && (from === 'alpine' || from === 'debian')) {
      const t = target(cat, ci);
      return finish({
        ...base,
        status: statusFor(name, [t]),
        targets: [t],
        kind: 'equivalent',
        confidence: 'low',
        source: 'rule:case-insensitive',
        via: 'rule',
        note: `same name up to letter case (${ci}); verify`,
      });
    }
  }
  // 5. an Azure Linux 3.0 package that 4.0 does not have
  if (from === 'azurelinux-3.0' && azl3PackageNames().has(name)) {
    return finish({
      ...base,
      status: 'unavailable',
      targets: [],
      kind: 'equivalent',
      confidence: 'medium',
      source: 'catalog',
      via: 'catalog',
      reason: 'an Azure Linux 3.0 package with no package of this name in the Azure Linux 4.0 lists (about 944 3.0 packages are gone; a few survive as virtual Provides of another package)',
      action: `check "dnf provides ${name}" on Azure Linux 4.0; otherwise find a replacement or ship the software yourself`,
    });
  }
  return finish({
    ...base,
    status: 'unknown',
    targets: [],
    kind: 'equivalent',
    confidence: 'low',
    source: 'none',
    via: 'none',
    note:
      from === 'azurelinux-4.0'
        ? 'not a package name in the Azure Linux 4.0 catalog (it may be a virtual Provides the catalog does not record): verify'
        : 'unknown mapping: verify',
  });
}
