/**
 * Which report a `scan` run shows, decided before anything of Ink is loaded. Pure.
 *
 * The interactive (Ink) report is used only when all of these hold:
 *  - standard output and standard input are both terminals (keys need a TTY; a pipe gets plain text);
 *  - no --format and no --output was given (`--format text` on a terminal stays plain);
 *  - not CI: CI, GITHUB_ACTIONS and TF_BUILD (Azure Pipelines) unset, empty, "0" or "false";
 *  - colour is not off: NO_COLOR unset or empty (https://no-color.org), TERM is not "dumb";
 *  - AZL_MIGRATE_PLAIN unset or empty (a way to force the plain report).
 * Otherwise the plain text report (no escape codes) is written, exactly as before.
 *
 * The progress line goes to standard error when it is a terminal and not CI, whatever the report.
 */
export interface Terminal {
  stdin?: boolean;
  stdout?: boolean;
  stderr?: boolean;
  /** Width of standard error's terminal. */
  columns?: number;
}

const set = (v: string | undefined) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';

export function isCI(env: Record<string, string | undefined>): boolean {
  return set(env.CI) || set(env.GITHUB_ACTIONS) || set(env.TF_BUILD);
}

export function wantsInteractive(tty: Terminal | undefined, env: Record<string, string | undefined>, explicitOutput: boolean): boolean {
  if (!tty?.stdout || !tty.stdin) return false;
  if (explicitOutput) return false;
  if (isCI(env)) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  if (env.AZL_MIGRATE_PLAIN !== undefined && env.AZL_MIGRATE_PLAIN !== '') return false;
  return true;
}

export function wantsProgress(tty: Terminal | undefined, env: Record<string, string | undefined>): boolean {
  return tty?.stderr === true && !isCI(env) && env.TERM !== 'dumb';
}
