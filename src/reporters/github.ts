import type { ScanResult } from '../scan.js';
import { summarize } from './json.js';

/** Workflow command data: %, CR and LF are escaped (so a message cannot start a command of its own). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow command property values: also `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export interface GithubOptions {
  /** Prefix of file paths, from the workspace root to the scan root ('' when they are the same). */
  pathPrefix?: string;
}

/**
 * GitHub Actions workflow commands: one annotation per open finding (`::error file=...,line=...::message`),
 * then a notice with the counts. Baselined and suppressed findings are accepted: they get no annotation and
 * are counted in the summary notice.
 */
export function renderGithub(result: ScanResult, opts: GithubOptions = {}): string {
  const prefix = opts.pathPrefix ? `${opts.pathPrefix.replace(/\/+$/, '')}/` : '';
  const out: string[] = [];
  for (const f of result.findings) {
    if ((f.status ?? 'open') !== 'open') continue;
    const props = [`file=${escapeProperty(prefix + f.file)}`, `line=${f.line}`, `endLine=${f.endLine}`];
    if (f.line === f.endLine) props.push(`col=${f.column}`, `endColumn=${f.endColumn}`);
    props.push(`title=${escapeProperty(`azl-migrate ${f.ruleId}${f.blocker ? ' (blocker)' : ''}`)}`);
    out.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(`${f.message}\n${f.action}`.trim())}`);
  }
  const s = summarize(result);
  const parts = [`${s.findings} open finding${s.findings === 1 ? '' : 's'} (${s.errors} errors, ${s.warnings} warnings, ${s.info} info; ${s.blockers} blockers)`];
  if (s.baselined) parts.push(`${s.baselined} accepted in the baseline`);
  if (s.suppressed) parts.push(`${s.suppressed} suppressed`);
  out.push(`::notice title=${escapeProperty('azl-migrate')}::${escapeData(`${parts.join('; ')} in ${s.filesScanned} files for ${result.target}`)}`);
  return out.join('\n') + '\n';
}
