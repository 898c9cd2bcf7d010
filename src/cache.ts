import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from './cli/io.js';
import { packageRoot } from './knowledge/paths.js';
import type { FileOutcome } from './scan.js';

/**
 * The content-hash cache (`scan --cache`, like ESLint's): per file, the hash of its bytes and what analysing it
 * gave. A run reuses an outcome when the bytes are the same and the cache's key matches: the key covers the tool
 * version, the target, the rules that ran, the size limit and the code and data of azl-migrate itself (sizes and
 * modification times of every file of the running build and of rules/), so a rebuilt or edited tool never reuses
 * stale results. Outcomes are kept unsettled: what one file means for another is settled after every scan.
 */
export const CACHE_SCHEMA = 'azl-migrate/cache@1';
export const DEFAULT_CACHE_FILE = '.azl-migrate-cache';

interface CacheData {
  schema: string;
  key: string;
  entries: Record<string, { sha: string; outcome: FileOutcome }>;
}

let codeStamp: string | undefined;

/** Sizes and modification times of the running code (dist/ or src/) and of rules/. */
function codeHash(): string {
  if (codeStamp) return codeStamp;
  const h = createHash('sha256');
  const here = dirname(fileURLToPath(import.meta.url));
  const root = packageRoot();
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const st = statSync(p);
        h.update(`${relative(root, p)}\0${st.size}\0${st.mtimeMs}\n`);
      }
    }
  };
  walk(here);
  if (!here.startsWith(join(root, 'rules'))) walk(join(root, 'rules'));
  return (codeStamp = h.digest('hex'));
}

export function cacheKey(parts: { version: string; target: string; ruleIds: string[]; maxFileSize: number }): string {
  return createHash('sha256')
    .update(JSON.stringify([parts.version, parts.target, [...parts.ruleIds].sort(), parts.maxFileSize, codeHash()]))
    .digest('hex');
}

export const contentHash = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex');

/** The cached outcomes for this key; an empty map when the file is missing, unreadable, corrupt or for another key. */
export function loadCache(path: string, key: string): Map<string, { sha: string; outcome: FileOutcome }> {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as CacheData;
    if (data.schema !== CACHE_SCHEMA || data.key !== key || typeof data.entries !== 'object') return new Map();
    return new Map(Object.entries(data.entries));
  } catch {
    return new Map();
  }
}

/** Write the cache through a temporary file and a rename. A cache that cannot be written is not an error. */
export async function saveCache(path: string, key: string, entries: Map<string, { sha: string; outcome: FileOutcome }>): Promise<boolean> {
  const data: CacheData = { schema: CACHE_SCHEMA, key, entries: Object.fromEntries([...entries].sort((a, b) => (a[0] < b[0] ? -1 : 1))) };
  return writeFileAtomic(path, JSON.stringify(data)).then(
    () => true,
    () => false,
  );
}
