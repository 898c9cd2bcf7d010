/**
 * Reviewed package-name maps (rules/maps/<from>.json): source distribution name -> Azure Linux 4.0 names.
 * The format is documented in rules/maps/README.md.
 */
import { readFileSync } from 'node:fs';
import type { Channel } from './catalog.js';
import { rulesPath } from './paths.js';

export const MAP_SCHEMA = 'azl-migrate/package-map@1';

export const SOURCE_DISTROS = ['debian', 'alpine', 'el', 'azurelinux-3.0', 'azurelinux-4.0'] as const;
export type SourceDistro = (typeof SOURCE_DISTROS)[number];
/** Distros that have a map file (azurelinux-4.0 names are looked up in the catalog directly). */
export const MAPPED_DISTROS = ['debian', 'alpine', 'el', 'azurelinux-3.0'] as const;
export type MappedDistro = (typeof MAPPED_DISTROS)[number];

export type MapKind = 'equivalent' | 'substitute';
export type Confidence = 'high' | 'medium' | 'low';

export interface MapEntry {
  /** AZL4 package names; empty = no equivalent (then `reason` and `action` say why and what to do). */
  to: string[];
  /** Channel of the targets: one value when they share it, else target -> channel. */
  channel?: Channel | Record<string, Channel>;
  /** equivalent (default): same software; substitute: different version or implementation, never auto-fixed. */
  kind?: MapKind;
  /** Default: high for equivalent, medium for substitute. */
  confidence?: Confidence;
  /** "catalog", "knowledge:§<n> <topic>", or a public URL. */
  source: string;
  note?: string;
  reason?: string;
  action?: string;
  /** Other AZL4 packages worth knowing (e.g. a base-channel alternative to an sdk-only target). */
  alternatives?: string[];
}

export interface PackageMap {
  schema: typeof MAP_SCHEMA;
  from: MappedDistro;
  target: string;
  description: string;
  packages: Record<string, MapEntry>;
}

const cache = new Map<MappedDistro, PackageMap>();

export function mapFile(from: MappedDistro): string {
  return rulesPath('maps', `${from}.json`);
}

/** Load (and cache) a map. Throws a readable Error if the file is missing or malformed. */
export function loadPackageMap(from: MappedDistro): PackageMap {
  const hit = cache.get(from);
  if (hit) return hit;
  const file = mapFile(from);
  let data: PackageMap;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as PackageMap;
  } catch (e) {
    throw new Error(`cannot load package map ${file}: ${(e as Error).message}`);
  }
  if (data.schema !== MAP_SCHEMA || !data.packages || typeof data.packages !== 'object') {
    throw new Error(`${file} is not an azl-migrate package map (schema ${JSON.stringify(data.schema)})`);
  }
  cache.set(from, data);
  return data;
}

/** Channel recorded for one target of an entry. */
export function recordedChannel(entry: MapEntry, target: string): Channel | undefined {
  if (!entry.channel) return undefined;
  return typeof entry.channel === 'string' ? entry.channel : entry.channel[target];
}

export function isSourceDistro(s: string): s is SourceDistro {
  return (SOURCE_DISTROS as readonly string[]).includes(s);
}
