import { resolve } from 'node:path';
import type { Io } from './run.js';
import { runFixes, fixSummary } from '../fix/run.js';

export interface FixArgs {
  paths: string[];
  root: string;
  target?: string;
  unsafe: boolean;
  dryRun: boolean;
  rules?: string[];
}

/**
 * `azl-migrate fix`: apply safe fixes (and unsafe ones with --unsafe). With --dry-run, print a unified diff
 * that `git apply` accepts and change nothing. The summary (stderr with --dry-run, else stdout) says what was
 * fixed, what was skipped and why. Exit code 0, or 1 when a file could not be written.
 */
export async function runFixCommand(args: FixArgs, io: Io): Promise<number> {
  const r = await runFixes({ root: resolve(args.root), paths: args.paths, target: args.target, unsafe: args.unsafe, dryRun: args.dryRun, rules: args.rules });
  if (args.dryRun) {
    io.stdout(r.patch);
    io.stderr(fixSummary(r, true));
  } else io.stdout(fixSummary(r, false));
  return r.refused.length ? 1 : 0;
}
