#!/usr/bin/env node
import { run } from './run.js';
import { snapshotEnv } from '../env.js';

snapshotEnv();

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`azl-migrate: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 3;
  },
);
