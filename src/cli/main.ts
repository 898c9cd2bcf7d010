#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// The parsers are WebAssembly (tree-sitter). V8 first compiles wasm with its baseline compiler (Liftoff) and
// then re-compiles hot code with TurboFan; for tree-sitter's large grammars that tier-up blocks the main
// thread for about a second after the first parse, which dominates short scans and costs more than it gains
// on long ones (measured in bench/RESULTS.md). This must run before any wasm is compiled.
setFlagsFromString('--liftoff-only');

const { run } = await import('./run.js');
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`azl-migrate: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 3;
  },
);
