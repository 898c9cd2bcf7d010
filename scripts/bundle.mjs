#!/usr/bin/env node
// Bundles the built CLI (dist/src, from tsc) into dist/bin: the command and the scan worker, with the pure-JS
// libraries they use. Loading ~200 small ES modules and CommonJS files (94 rules, yaml's 70 files) took most of a
// one-file scan's start-up; one bundle loads in a fraction of that. Lazily imported parts (adapters, the
// interactive UI) stay separate chunks, loaded only when needed. Packages that find files beside themselves
// (web-tree-sitter's wasm), or that are large and lazily loaded (ts-morph, ink/react), stay external.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bin`;
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { 'azl-migrate': 'dist/src/cli/main.js', 'scan-worker': 'dist/src/scan-worker.js' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  external: ['web-tree-sitter', 'ts-morph', 'ink', 'react', 'react/*', 'ink-*'],
  // CommonJS libraries inside an ES module bundle call require() for Node's built-ins.
  banner: { js: "import { createRequire as __azlCreateRequire } from 'node:module'; const require = __azlCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync(`${outdir}/azl-migrate.js`, 0o755);
