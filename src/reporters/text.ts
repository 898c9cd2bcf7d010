import type { ScanResult } from '../scan.js';
import { summarize } from './json.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The plain report: one block per finding, `file:line:col: severity rule`, message and hint, then a summary. */
export function renderText(result: ScanResult): string {
  const lines: string[] = [];
  for (const f of result.findings) {
    const tags = [f.blocker ? 'blocker' : '', f.fix ? `fix: ${f.fix.safety}` : ''].filter(Boolean);
    lines.push(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.ruleId}${tags.length ? ` [${tags.join(', ')}]` : ''}`);
    lines.push(`  ${f.message}`);
    if (f.action) lines.push(`  hint: ${f.action}`);
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
  const counts = s.findings === 0 ? 'no findings' : `${plural(s.findings, 'finding')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.info} info; ${plural(s.blockers, 'blocker')}, ${s.fixable} fixable)`;
  lines.push(`${counts} in ${plural(s.filesScanned, 'file')} scanned for ${result.target}${s.filesSkipped ? `, ${s.filesSkipped} skipped` : ''}.`);
  return lines.join('\n') + '\n';
}
