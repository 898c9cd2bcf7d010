import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The package root: the folder holding package.json and rules/. Works both from the sources
 * (src/knowledge/paths.ts, as vitest runs them) and from the build (dist/src/knowledge/paths.js).
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'rules'))) return (cached = dir);
    dir = dirname(dir);
  }
  throw new Error('azl-migrate: cannot find the package root (package.json beside rules/)');
}

/** A path inside the shipped rules/ folder. */
export function rulesPath(...parts: string[]): string {
  return join(packageRoot(), 'rules', ...parts);
}
