import { SourceText, type Span } from '../../core/source.js';
import { EmbeddedSource } from '../../core/sourcemap.js';
import { pathRefsFromCommands, type FileFacts, type PackageOrigin, type PackageRef } from '../../core/facts.js';
import type { FileNote } from '../../core/types.js';
import { packageName, packageRefsFromCommands } from '../../core/packages.js';
import { analyzeShell } from '../shell/model.js';
import { shellParser } from '../shell/parser.js';
import { parseYamlValues, scalarSource } from '../ansible/yaml.js';
import type { YValue } from '../ansible/facts.js';
import type { CloudInitFacts, WriteFile } from './facts.js';
import { compose, isJinjaTemplateName, maskJinja, SourceBuilder } from '../systemd/embed.js';
import { parseUnit, unitKindOfPath, type UnitFile } from '../systemd/parse.js';
import { execSources, unitNotes, unitsInShell } from '../systemd/index.js';

export const CLOUD_CONFIG_HEADER = /^\uFEFF?#cloud-config[ \t]*\r?(\n|$)/;

const SHELL_SCRIPT = /^#!\s*(?:\/usr)?\/bin\/(?:env\s+)?(?:sh|bash|dash)\b/;

/** A #cloud-config file. */
export async function analyzeCloudConfig(file: string, text: string): Promise<FileFacts> {
  // user-data may be a plain script rather than #cloud-config.
  if (!CLOUD_CONFIG_HEADER.test(text) && /^\uFEFF?#!/.test(text)) return (await import('../shell/index.js')).analyzeShellFile(file, text);
  // A Jinja template of cloud-config (`user-data.j2`): its `{% %}` lines are gone once rendered, and read as YAML
  // they break the document (a block scalar ends at a less indented tag).
  const yaml = text.replace(/^\uFEFF/, ' ');
  return analyzeCloudConfigIn(file, new SourceText(text), EmbeddedSource.identity(isJinjaTemplateName(file) ? maskJinja(yaml, 'statements') : yaml, 0));
}

/**
 * Cloud-config embedded in a host file (Terraform `custom_data`, ARM `customData`, or a file of its own): `src` is
 * the decoded YAML mapped to the host text. Every span of the facts is a host span.
 */
export async function analyzeCloudConfigIn(file: string, source: SourceText, src: EmbeddedSource): Promise<CloudInitFacts> {
  const y = src.text;
  const host = (s: Span) => src.toHost(s);
  const notes: FileNote[] = [];
  const parsed = parseYamlValues(y);
  for (const p of parsed.problems) notes.push({ file, kind: 'parse', message: p.message, ...source.position(host({ start: p.offset, end: p.offset }).span.start) });
  const root = parsed.roots[0];
  const keys = root?.entries ?? new Map<string, YValue>();
  const mapValue = (v: YValue): YValue => {
    const h = host(v.span);
    return { ...v, span: h.span, exact: h.exact && v.exact, keySpan: v.keySpan ? host(v.keySpan).span : undefined, items: v.items?.map(mapValue), entries: v.entries ? new Map([...v.entries].map(([k, e]) => [k, mapValue(e)])) : undefined };
  };
  const shellSources: { source: EmbeddedSource; origin: string }[] = [];
  const scalar = (v: YValue) => compose(scalarSource(y, v.span), src);
  const asShell = (e: EmbeddedSource) => new EmbeddedSource(maskJinja(e.text).replace(/\r(?=\n)/g, ' '), e.segments, e.hostSpan);

  for (const key of ['runcmd', 'bootcmd']) {
    for (const item of keys.get(key)?.items ?? []) {
      if (item.value !== undefined) shellSources.push({ source: asShell(scalar(item)), origin: `cloud-init ${key}` });
      else if (item.items) {
        // A list item is argv: its words as written, separated by spaces.
        const b = new SourceBuilder(y);
        item.items.forEach((w, i) => {
          if (i > 0) b.emit(' ');
          if (w.value !== undefined) b.copy(w.span.start, w.span.end - w.span.start);
        });
        shellSources.push({ source: asShell(compose(b.build(item.span), src)), origin: `cloud-init ${key} (argv)` });
      }
    }
  }

  const units: UnitFile[] = [];
  const writeFiles: WriteFile[] = [];
  for (const item of keys.get('write_files')?.items ?? []) {
    const e = item.entries;
    const p = e?.get('path');
    if (!e || !p?.value) continue;
    const enc = (e.get('encoding')?.value ?? '').toLowerCase();
    const encoded = /b64|base64|gz|gzip/.test(enc);
    const append = /^(true|yes|on)$/i.test(e.get('append')?.value ?? '');
    const content = e.get('content');
    const ph = host(p.span);
    writeFiles.push({ path: p.value, pathSpan: ph.span, exact: ph.exact, append, encoded, content: content ? mapValue(content) : undefined });
    if (encoded || content?.value === undefined) continue;
    const k = unitKindOfPath(p.value);
    if (k) units.push(parseUnit(scalar(content), { ...k, path: p.value, origin: 'cloud-init write_files' }));
    else if (/\.(sh|bash)$/.test(p.value) || SHELL_SCRIPT.test(content.value)) shellSources.push({ source: asShell(scalar(content)), origin: 'cloud-init write_files script' });
  }

  shellSources.push(...execSources(units));
  const shell = shellSources.length ? analyzeShell(shellSources, { parser: await shellParser() }) : undefined;
  const heredocUnits = shell ? unitsInShell(shell.units) : [];
  let commands = shell?.commands ?? [];
  let detections = shell?.detections ?? [];
  if (heredocUnits.length) {
    const more = analyzeShell(execSources(heredocUnits), { parser: await shellParser() });
    commands = [...commands, ...more.commands];
    detections = [...detections, ...more.detections];
  }
  units.push(...heredocUnits);
  for (const p of shell?.problems ?? []) notes.push({ file, kind: 'parse', message: p.message, ...source.position(p.span.start) });
  notes.push(...unitNotes(file, source, units));

  // The names in packages: are for the distribution the user-data was written for; guess it from the file.
  const bases = new Set(commands.map((c) => c.base));
  const debianish = keys.has('apt') || bases.has('apt-get') || bases.has('apt');
  const origin: PackageOrigin = debianish ? 'debian' : bases.has('tdnf') ? 'azurelinux-3.0' : keys.has('yum_repos') || bases.has('dnf') || bases.has('yum') ? 'el' : 'debian';
  const packages: PackageRef[] = [];
  for (const item of keys.get('packages')?.items ?? []) {
    const w = item.value !== undefined ? item : item.items?.[0];
    if (!w?.value || /\$|\{\{/.test(w.value)) continue;
    const h = host(w.span);
    packages.push({ name: packageName(w.value, origin), raw: w.value, span: h.span, exact: h.exact, origin, manager: 'cloud-init packages' });
  }

  return {
    file,
    kind: 'cloud-init',
    source,
    commands,
    detections,
    images: [],
    paths: pathRefsFromCommands(commands),
    packages: [...packages, ...packageRefsFromCommands(commands)],
    assignments: shell?.assignments ?? [],
    notes,
    cloudConfig: { keys: new Map([...keys].map(([k, v]) => [k, mapValue(v)])) },
    writeFiles,
    units,
  };
}
