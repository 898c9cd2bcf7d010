import type { ScanResult } from '../scan.js';
import { summarize, visibleFindings } from './json.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The plain report: one block per finding, `file:line:col: severity rule`, message and hint, then a summary.
 * Baselined findings stay listed, tagged `accepted: baseline`; suppressed ones are listed (with their reason)
 * only with --show-suppressed, and counted in the summary either way.
 */
export function renderText(result: ScanResult): string {
  const lines: string[] = [];
  for (const f of visibleFindings(result)) {
    const tags = [
      f.status === 'baselined' ? 'accepted: baseline' : '',
      f.status === 'suppressed' ? `suppressed${f.suppression?.until ? ` until ${f.suppression.until}` : ''}: ${f.suppression?.reason ?? 'no reason given'}` : '',
      f.blocker ? 'blocker' : '',
      f.fix ? `fix: ${f.fix.safety}` : '',
    ].filter(Boolean);
    lines.push(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.ruleId}${tags.length ? ` [${tags.join(', ')}]` : ''}`);
    lines.push(`  ${f.message}`);
    if (f.action && (f.status ?? 'open') === 'open') lines.push(`  hint: ${f.action}`);
  }
  const parseNotes = result.notes.filter((n) => n.kind !== 'info');
  if (parseNotes.length) {
    if (lines.length) lines.push('');
    lines.push('Notes:');
    for (const n of parseNotes) lines.push(`  ${n.file}${n.line ? `:${n.line}:${n.column}` : ''}: ${n.message}`);
  }
  if (result.files.skipped.length) {
    if (lines.length) lines.push('');
    lines.push('Skipped:');
    for (const s of result.files.skipped) lines.push(`  ${s.file}: ${s.reason}`);
  }
  const s = summarize(result);
  if (lines.length) lines.push('');
  const counts = s.findings === 0 ? 'no open findings' : `${plural(s.findings, 'open finding')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.info} info; ${plural(s.blockers, 'blocker')}, ${s.fixable} fixable)`;
  const accepted = [s.baselined ? `${s.baselined} accepted in the baseline` : '', s.suppressed ? `${s.suppressed} suppressed${result.policy?.showSuppressed ? '' : ' (see --show-suppressed)'}` : ''].filter(Boolean);
  const scope = result.policy?.changedSince ? ` on lines changed since ${result.policy.changedSince}` : '';
  lines.push(`${counts}${accepted.length ? `; ${accepted.join(', ')}` : ''}${scope} in ${plural(s.filesScanned, 'file')} scanned for ${result.target}${s.filesSkipped ? `, ${s.filesSkipped} skipped` : ''}.`);
  if (result.policy?.baseline?.stale) {
    const n = result.policy.baseline.stale;
    lines.push(`${n} baseline ${n === 1 ? 'entry no longer matches' : 'entries no longer match'} any finding: run with --update-baseline to prune ${result.policy.baseline.file}.`);
  }
  return lines.join('\n') + '\n';
}
