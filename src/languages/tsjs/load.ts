import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Script } from 'node:vm';

/**
 * The TypeScript compiler API, loaded on first use only. ts-morph bundles TypeScript in @ts-morph/common
 * (dist/typescript.js, 9 MB); azl-migrate needs only that raw API (createSourceFile and the node guards), not
 * ts-morph's wrappers, so it loads the bundled file directly (about half of `import('ts-morph')`), through a V8
 * code cache kept in the temp directory (Node 20 has no module compile cache): compiling 9 MB of JavaScript is
 * most of the cost. Falls back to `import('ts-morph')` when the layout differs. Measured in bench/RESULTS.md.
 */
type TsApi = typeof import('ts-morph').ts;
let tsPromise: Promise<TsApi> | undefined;
let loaded = false;

function bundledTypeScript(): string | undefined {
  try {
    const req = createRequire(import.meta.url);
    const fromMorph = createRequire(req.resolve('ts-morph'));
    const file = join(dirname(fromMorph.resolve('@ts-morph/common')), 'typescript.js');
    return existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

/** Evaluate a CommonJS file with a V8 code cache (best effort: any cache problem just compiles normally). */
function requireCached(file: string): TsApi {
  const src = readFileSync(file, 'utf8');
  const st = statSync(file);
  const useCache = process.env.AZL_MIGRATE_CODE_CACHE !== '0';
  const dir = join(tmpdir(), 'azl-migrate-cache');
  const cacheFile = join(dir, `typescript-${process.version}-${process.arch}-${st.size}-${Math.trunc(st.mtimeMs)}.v8`);
  let cachedData: Buffer | undefined;
  if (useCache) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new Script(Module.wrap(src), { filename: file, cachedData });
  const fn = script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string) => void;
  const mod = { exports: {} as TsApi };
  fn.call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  const ts = mod.exports;
  if (useCache && (!cachedData || script.cachedDataRejected)) {
    try {
      // Compile the parser's functions first so the cache holds them too.
      ts.createSourceFile('warm.ts', 'const a = { b: "c" }; f(`x ${a}`);', ts.ScriptTarget.Latest, false);
      mkdirSync(dir, { recursive: true });
      const tmp = `${cacheFile}.${process.pid}`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch {
      // A read-only temp directory only costs the cache.
    }
  }
  return ts;
}

export function loadTs(): Promise<TsApi> {
  tsPromise ??= (async () => {
    const file = bundledTypeScript();
    let ts: TsApi | undefined;
    if (file) {
      try {
        ts = requireCached(file);
      } catch {
        ts = undefined;
      }
    }
    ts ??= (await import('ts-morph')).ts;
    loaded = true;
    return ts;
  })();
  return tsPromise;
}

/** Whether the TypeScript API has been loaded in this thread (for tests and benchmarks). */
export function tsLoaded(): boolean {
  return loaded;
}
