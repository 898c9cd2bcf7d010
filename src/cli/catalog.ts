/**
 * `azl-migrate catalog import <primary.xml[.gz|.zst]>... [--channel base|sdk] -o <file>`
 *
 * Builds a catalog file (same format as rules/targets/azurelinux-4.0/catalog.json) from a live
 * repository's rpm-md primary metadata, so scans can use `--catalog <file>` with fresher data.
 * The named channel is replaced by the imported names; the other channel and the image facts come from
 * the existing output file when it already is a catalog, else from the shipped catalog.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { CatalogError, loadCatalog, validateCatalog, type Catalog } from '../knowledge/catalog.js';
import {
  ImportError,
  catalogFromPrimary,
  readPrimaryXml,
  serializeJson,
  sortedUnique,
  type PrimaryData,
} from '../knowledge/catalog-import.js';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export interface CatalogImportArgs {
  files: string[];
  channel?: 'base' | 'sdk' | string;
  output: string;
}

const USAGE = 'usage: azl-migrate catalog import <primary.xml[.gz]>... [--channel base|sdk] -o <file>';

async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

function mergePrimary(parts: PrimaryData[]): PrimaryData {
  const merge = (key: 'provides' | 'commands'): Record<string, string[]> => {
    const acc = new Map<string, string[]>();
    for (const p of parts) for (const [k, v] of Object.entries(p[key])) acc.set(k, [...(acc.get(k) ?? []), ...v]);
    const out: Record<string, string[]> = {};
    for (const k of sortedUnique(acc.keys())) out[k] = sortedUnique(acc.get(k)!);
    return out;
  };
  return {
    names: sortedUnique(parts.flatMap((p) => p.names)),
    provides: merge('provides'),
    commands: merge('commands'),
    packageCount: parts.reduce((n, p) => n + p.packageCount, 0),
  };
}

/** Run `catalog import`. Returns 0 on success, 2 on a usage or input error (message on stderr). */
export async function runCatalogImport(args: CatalogImportArgs, io: CliIO): Promise<number> {
  const channel = args.channel ?? 'base';
  if (channel !== 'base' && channel !== 'sdk') {
    io.stderr(`azl-migrate catalog import: --channel must be base or sdk, not "${channel}"\n${USAGE}\n`);
    return 2;
  }
  if (!args.files.length) {
    io.stderr(`azl-migrate catalog import: give at least one primary.xml or primary.xml.gz file\n${USAGE}\n`);
    return 2;
  }
  if (!args.output) {
    io.stderr(`azl-migrate catalog import: give the output file with -o <file>\n${USAGE}\n`);
    return 2;
  }
  const output = resolve(args.output);

  // What primary.xml cannot tell (other channel, images): from the existing output, else the shipped catalog.
  let base: Catalog;
  let baseLabel: string;
  try {
    if (existsSync(output)) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(output, 'utf8'));
      } catch {
        io.stderr(`azl-migrate catalog import: refusing to overwrite ${args.output}: it exists and is not a catalog file\n`);
        return 2;
      }
      base = validateCatalog(parsed, args.output);
      baseLabel = `the existing ${basename(output)}`;
    } else {
      const shipped = loadCatalog();
      base = shipped.data;
      baseLabel = `the shipped catalog (${base.source.repository ?? 'unknown'}@${(base.source.commit ?? 'unknown').slice(0, 12)}, ${base.source.date ?? 'undated'})`;
    }
  } catch (e) {
    if (e instanceof CatalogError) {
      io.stderr(`azl-migrate catalog import: ${e.message}\n`);
      return 2;
    }
    throw e;
  }

  const parts: PrimaryData[] = [];
  const hashed: Array<{ path: string; sha256: string }> = [];
  for (const file of args.files) {
    try {
      parts.push(await readPrimaryXml(file));
      hashed.push({ path: basename(file), sha256: await sha256File(file) });
    } catch (e) {
      if (e instanceof ImportError) {
        io.stderr(`azl-migrate catalog import: ${e.message}\n`);
        return 2;
      }
      io.stderr(`azl-migrate catalog import: ${file}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  const data = mergePrimary(parts);
  if (!data.names.length) {
    io.stderr(`azl-migrate catalog import: no binary packages found in ${args.files.join(', ')}\n`);
    return 2;
  }
  const catalog = catalogFromPrimary({ data, channel, files: hashed, base, baseLabel });
  try {
    writeFileSync(output, serializeJson(catalog));
  } catch (e) {
    io.stderr(`azl-migrate catalog import: cannot write ${args.output}: ${(e as Error).message}\n`);
    return 2;
  }
  const other = channel === 'base' ? 'sdk' : 'base';
  io.stdout(
    `wrote ${args.output}: ${channel} ${catalog.channels[channel].length} packages ` +
      `(from ${data.packageCount} <package> entries in ${args.files.length} file${args.files.length === 1 ? '' : 's'}), ` +
      `${Object.keys(catalog.commands ?? {}).length} commands, ${Object.keys(catalog.provides ?? {}).length} virtual names\n` +
      `kept ${other} ${catalog.channels[other].length} packages and the image lists from ${baseLabel}\n`,
  );
  return 0;
}
