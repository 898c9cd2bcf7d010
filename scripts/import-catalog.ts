/**
 * Regenerates the shipped package catalogs from the reference data folder (default <packageRoot>/../shared/data):
 *   rules/targets/azurelinux-4.0/catalog.json   (channels, images, groups)
 *   rules/targets/azurelinux-3.0/packages.json  (3.0 binary package names, for the 3.0 -> 4.0 map)
 *
 * Usage (after `npm run build`): node dist/scripts/import-catalog.js [--data <dir>] [--check]
 *   --check  write nothing; exit 1 if a committed file differs from what the data gives.
 * Only this script and the tests read the data folder; the product reads rules/ only.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  AZL3_DATA_FILES,
  AZL4_DATA_FILES,
  ImportError,
  buildAzl3PackageList,
  buildAzl4Catalog,
  serializeJson,
} from '../src/knowledge/catalog-import.js';
import { packageRoot, rulesPath } from '../src/knowledge/paths.js';

export interface ImportOutput {
  /** Path relative to the package root -> file text. */
  files: Record<string, string>;
  summary: string[];
}

export function defaultDataDir(): string {
  return resolve(packageRoot(), '..', 'shared', 'data');
}

/** Read the data folder and produce the generated files' text (no writing). */
export function importDataDir(dataDir: string): ImportOutput {
  const read = (p: string): string => {
    try {
      return readFileSync(join(dataDir, p), 'utf8');
    } catch (e) {
      throw new ImportError(`cannot read ${join(dataDir, p)}: ${(e as Error).message}`);
    }
  };
  const readme = read('README.md');
  const files: Record<string, string> = {};
  for (const p of [...AZL4_DATA_FILES, ...AZL3_DATA_FILES]) files[p] = read(p);
  const catalog = buildAzl4Catalog(files, readme);
  const azl3 = buildAzl3PackageList(files, readme);
  return {
    files: {
      'rules/targets/azurelinux-4.0/catalog.json': serializeJson(catalog),
      'rules/targets/azurelinux-3.0/packages.json': serializeJson(azl3),
    },
    summary: [
      `azurelinux-4.0: base ${catalog.channels.base.length}, sdk ${catalog.channels.sdk.length}, ` +
        Object.entries(catalog.images)
          .map(([k, v]) => `${k} ${v.length}`)
          .join(', ') +
        `, groups ${catalog.groups?.length ?? 0} (commit ${catalog.source.commit ?? 'unknown'})`,
      `azurelinux-3.0: ${azl3.packages.length} package names`,
    ],
  };
}

function main(argv: string[]): number {
  let dataDir = defaultDataDir();
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data' && argv[i + 1]) dataDir = resolve(argv[++i]!);
    else if (a === '--check') check = true;
    else {
      process.stderr.write(`usage: import-catalog [--data <dir>] [--check]\nunknown argument: ${a}\n`);
      return 2;
    }
  }
  if (!existsSync(dataDir)) {
    process.stderr.write(`import-catalog: data folder not found: ${dataDir} (give --data <dir>)\n`);
    return 2;
  }
  let out: ImportOutput;
  try {
    out = importDataDir(dataDir);
  } catch (e) {
    process.stderr.write(`import-catalog: ${(e as Error).message}\n`);
    return 2;
  }
  const root = dirname(rulesPath());
  let stale = 0;
  for (const [rel, text] of Object.entries(out.files)) {
    const target = join(root, rel);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (current === text) {
      process.stdout.write(`unchanged ${rel}\n`);
      continue;
    }
    if (check) {
      stale++;
      process.stdout.write(`stale ${rel}\n`);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    process.stdout.write(`wrote ${rel} (${text.length} bytes)\n`);
  }
  for (const line of out.summary) process.stdout.write(line + '\n');
  return stale ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
