import { SourceText, type Span } from '../../core/source.js';
import type { EmbeddedSource } from '../../core/sourcemap.js';
import { pathRefsFromCommands, type FileFacts, type FileKind, type ImagePart, type ImageRef, type PackageRef } from '../../core/facts.js';
import type { FileNote } from '../../core/types.js';
import { packageRefsFromCommands } from '../../core/packages.js';
import { analyzeShell, type ShellAnalysis } from '../shell/model.js';
import { shellParser } from '../shell/parser.js';
import type { UnitFile } from '../systemd/parse.js';
import { parseYamlValues } from '../ansible/yaml.js';
import type { YValue } from '../ansible/facts.js';

/** A setting of a VM, AKS pool or CI job as written: literal value (undefined for expressions) and spans. */
export type Setting = ImagePart & { keySpan?: Span };

/** A virtual machine (or scale set, or image build) declared in an IaC file or an az command. */
export interface VmDecl {
  /** `terraform`, `bicep`, `arm`, `packer`, `az-cli`, `pulumi`. */
  host: string;
  /** Resource type as written (`azurerm_linux_virtual_machine`, `Microsoft.Compute/virtualMachines`, `azure-arm`). */
  type: string;
  /** Where findings about the VM as a whole go (the resource header). */
  span: Span;
  image?: ImageRef;
  size?: Setting;
  /** `V1` / `V2` (Terraform hyper_v_generation, ARM hyperVGeneration). */
  generation?: Setting;
  secureBoot?: Setting;
  vtpm?: Setting;
  /** `TrustedLaunch`, `Standard`, `ConfidentialVM`. */
  securityType?: Setting;
  osDiskSizeGb?: Setting;
  /** Where a security setting could be added (the resource body start), when known. */
  bodyStart?: number;
}

/** An AKS cluster default pool or node pool. */
export interface AksPoolDecl {
  host: string;
  type: string;
  span: Span;
  osSku?: Setting;
}

/** A CI job: where it runs (runner or VM image) and in which container. */
export interface CiJob {
  host: 'github-actions' | 'azure-pipelines' | 'gitlab-ci';
  name: string;
  span: Span;
  /** `runs-on:` / `pool.vmImage:` values. */
  runners: Setting[];
  /** Job container images (`container:`, `image:`), resolved where literal. */
  containers: ImagePart[];
}

export interface InfraFacts {
  vms: VmDecl[];
  aksPools: AksPoolDecl[];
  ciJobs: CiJob[];
  /** Whole-file CI facts: the file is a CI definition. */
  ci?: 'github-actions' | 'azure-pipelines' | 'gitlab-ci';
}

/** What a host adapter collected before the shared analysis runs. */
export interface Collected {
  images: ImageRef[];
  infra: InfraFacts;
  shell: { source: EmbeddedSource; origin: string }[];
  /** Cloud-config documents embedded in the host (decoded YAML mapped to the host). */
  cloudConfigs: EmbeddedSource[];
  notes: FileNote[];
  /**
   * Host ranges whose commands are reported but never fixed: CI steps of jobs that do not run on Azure Linux (a
   * dnf rewrite would break them on their Ubuntu runner), template literals with `${}` in TS/JS.
   */
  noFix?: Span[];
  /** The host text's lines, for notes' positions (finishFacts reuses it). */
  source?: SourceText;
  /** PackageRefs the host itself names (e.g. a package list). */
  packages?: PackageRef[];
}

export function emptyCollected(text?: string): Collected {
  return { images: [], infra: { vms: [], aksPools: [], ciJobs: [] }, shell: [], cloudConfigs: [], notes: [], source: text === undefined ? undefined : new SourceText(text) };
}

/**
 * The first document of a YAML or JSON host file (a workflow, compose file, ARM or Packer template, .tf.json) as a
 * YValue; its parse problems become notes at their lines.
 */
export function parseHostDocument(file: string, text: string, c: Collected): YValue | undefined {
  const parsed = parseYamlValues(text);
  for (const p of parsed.problems) c.notes.push({ file, kind: 'parse', message: p.message, ...(c.source?.position(p.offset) ?? {}) });
  return parsed.roots[0];
}

/**
 * Turn what a host adapter collected into FileFacts: embedded shell goes through the one shell analysis, embedded
 * cloud-config through the cloud-init analysis (src/languages/cloudinit `analyzeCloudConfigIn`), so the existing
 * rules see their commands, packages and paths with host spans.
 */
export async function finishFacts(file: string, kind: FileKind, text: string, c: Collected): Promise<FileFacts & { infra: InfraFacts; units?: UnitFile[] }> {
  const source = c.source?.text === text ? c.source : new SourceText(text);
  const notes = [...c.notes];
  let shell: ShellAnalysis | undefined;
  if (c.shell.length) {
    shell = analyzeShell(c.shell, { parser: await shellParser() });
    for (const p of shell.problems) notes.push({ file, kind: 'parse', message: p.message, ...source.position(p.span.start) });
  }
  let commands = shell?.commands ?? [];
  let detections = shell?.detections ?? [];
  let assignments = shell?.assignments ?? [];
  const noFix = c.noFix ?? [];
  for (const cmd of commands) {
    if (!noFix.some((r) => cmd.span.start >= r.start && cmd.span.end <= r.end)) continue;
    cmd.exact = false;
    cmd.nameWord.exact = false;
    for (const a of cmd.args) a.exact = false;
    for (const r of cmd.redirects) r.target.exact = false;
  }
  const packages: PackageRef[] = [...(c.packages ?? []), ...packageRefsFromCommands(commands, assignments, source)];
  const units: UnitFile[] = [];
  // The cloud-config of embedded user-data, for rules that read it (cloudConfigOf / writeFilesOf of
  // src/languages/cloudinit); several documents merge key by key, the first one winning.
  const cloudKeys = new Map<string, unknown>();
  const writeFiles: unknown[] = [];
  if (c.cloudConfigs.length) {
    const { analyzeCloudConfigIn } = await import('../cloudinit/index.js');
    for (const cc of c.cloudConfigs) {
      const f = await analyzeCloudConfigIn(file, source, cc);
      commands = [...commands, ...f.commands];
      detections = [...detections, ...f.detections];
      assignments = [...assignments, ...f.assignments];
      packages.push(...f.packages);
      notes.push(...f.notes);
      units.push(...f.units);
      for (const [k, v] of f.cloudConfig.keys) if (!cloudKeys.has(k)) cloudKeys.set(k, v);
      writeFiles.push(...f.writeFiles);
    }
  }
  return {
    file,
    kind,
    source,
    commands,
    detections,
    images: c.images.sort((a, b) => a.span.start - b.span.start),
    paths: pathRefsFromCommands(commands),
    packages,
    assignments,
    notes,
    infra: c.infra,
    units,
    ...(c.cloudConfigs.length ? { cloudConfig: { keys: cloudKeys }, writeFiles } : {}),
  };
}

/** `a:b:c:d` from image parts, `?` for parts that are expressions; an absent version (Packer's default) is left out. */
export function imageText(p: { publisher?: ImagePart; offer?: ImagePart; sku?: ImagePart; version?: ImagePart }): string {
  const parts = p.version ? [p.publisher, p.offer, p.sku, p.version] : [p.publisher, p.offer, p.sku];
  return parts.map((x) => x?.value ?? '?').join(':');
}

/**
 * Same-length copy of text with `${...}` / `%{...}` template expressions blanked to `$___` (a shell expansion) or
 * spaces (directives). Linear: one pass with a stack of open braces; an opener that never closes is left as is.
 */
export function maskTemplates(text: string): string {
  if (!text.includes('${') && !text.includes('%{')) return text;
  const ranges: [number, number, string][] = [];
  const stack: { at: number; kind: string }[] = [];
  let templates = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === 123) {
      // `$${` and `%%{` are escapes for a literal `${` / `%{`.
      if (text.charCodeAt(i - 1) === c) continue;
      stack.push({ at: i, kind: c === 36 ? '$' : '%' });
      templates++;
      i++;
    } else if (c === 123 && stack.length) stack.push({ at: i, kind: '{' });
    else if (c === 125 && stack.length) {
      const open = stack.pop()!;
      if (open.kind !== '{') templates--;
      // Only outermost template expressions are masked (an inner one lies inside it).
      if (open.kind !== '{' && templates === 0) ranges.push([open.at, i + 1, open.kind]);
    }
  }
  if (!ranges.length) return text;
  let out = '';
  let pos = 0;
  for (const [a, b, kind] of ranges) {
    const seg = text.slice(a, b);
    out += text.slice(pos, a) + (kind === '$' ? '$' + seg.slice(1).replace(/[^\n]/g, '_') : seg.replace(/[^\n]/g, ' '));
    pos = b;
  }
  return out + text.slice(pos);
}

let lastHost: string | undefined;
let lastMasked = '';
/** maskTemplates of a whole host file, computed once per file (adapters copy pieces of it for each string). */
export function maskedHost(host: string): string {
  if (host !== lastHost) {
    lastHost = host;
    lastMasked = maskTemplates(host);
  }
  return lastMasked;
}
