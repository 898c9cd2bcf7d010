import { band, effortAssumptions, formulaText, type Bucket, type PlanStep, type Readiness } from './readiness.js';
import { targetCaveats, type DocumentOptions } from './html.js';

/**
 * Markdown text: escapes what could start markup anywhere (\\ ` * _ [ ] | ~ < &) and what could at the start
 * (# + - > and ordered-list digits), and keeps it on one line. Raw HTML cannot get through (< and & become entities).
 */
export function md(s: string | number): string {
  return String(s)
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/^([#+\->=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Rule-written text whose `code spans` stay code spans; everything else is escaped (it may quote file contents). */
export function mdRich(s: string): string {
  const parts = s.split('`');
  if (parts.length % 2 === 0) return md(s);
  return parts.map((p, i) => (i % 2 ? code(p) : md(p))).join('');
}

/** An inline code span that holds any text (fence longer than any backtick run inside), safe in table cells. */
export function code(s: string): string {
  const t = s.replace(/\r?\n/g, ' ');
  const run = Math.max(0, ...(t.match(/`+/g) ?? []).map((x) => x.length));
  const fence = '`'.repeat(run + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || t.startsWith(' ') ? ' ' : '';
  // In GFM tables a pipe ends the cell even inside a code span: it must be written \|.
  return `${fence}${pad}${t.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** A fenced code block that no line of the text can close. */
export function codeBlock(s: string): string {
  const run = Math.max(2, ...(s.match(/`+/g) ?? []).map((x) => x.length));
  const fence = '`'.repeat(run + 1);
  return `${fence}text\n${s.replace(/\r?\n$/, '')}\n${fence}`;
}

const row = (cells: (string | number)[]) => `| ${cells.map(String).join(' | ')} |`;
const bar = (n: number, top: number) => '█'.repeat(Math.max(1, Math.round((n / Math.max(1, top)) * 20)));

function bucketTable(head: string, buckets: Bucket[]): string[] {
  const top = Math.max(1, ...buckets.map((b) => b.findings));
  return [row([md(head), 'findings', 'blocking', '']), row(['---', '---:', '---:', '---']), ...buckets.map((b) => row([md(b.label), b.findings, b.blockers, bar(b.findings, top)]))];
}

function planTable(steps: PlanStep[], docs?: (id: string) => string | undefined): string[] {
  return [
    row(['#', 'rule', 'findings', 'blocking', 'impact', 'effort (h)', 'what to do', 'where']),
    row(['---:', '---', '---:', '---:', '---:', '---:', '---', '---']),
    ...steps.map((s, i) => {
      const url = docs?.(s.ruleId);
      const id = url ? `[${code(s.ruleId)}](${url.replace(/[()\s]/g, encodeURIComponent)})` : code(s.ruleId);
      const files = s.files.slice(0, 5).map(code).join(', ') + (s.files.length > 5 ? ` and ${s.files.length - 5} more` : '');
      return row([i + 1, `${id} ${mdRich(s.title)}`, s.findings, s.blockers, s.impact, s.hours, mdRich(s.action), files]);
    }),
  ];
}

/** The Markdown report: the same sections as the HTML one, charts as tables with bars. */
export function renderMarkdown(r: Readiness, opts: DocumentOptions = {}): string {
  const title = opts.title ?? 'Azure Linux 4.0 migration readiness';
  const docs = opts.docsUrl;
  const t = r.terms;
  const o: string[] = [];
  o.push(`# ${md(title)}`, '');
  o.push(`${r.repos.length === 1 ? `Repository **${md(r.repos[0]!.name)}**` : `${r.repos.length} repositories`} · target ${md(r.targets.map((x) => x.name).join(', ') || r.repos.map((x) => x.target).join(', '))}${opts.generatedAt ? ` · ${md(opts.generatedAt)}` : ''}${opts.toolVersion ? ` · azl-migrate ${md(opts.toolVersion)}` : ''}`, '');

  o.push('## Executive summary', '');
  o.push(`**Readiness: ${r.score}/100**, ${md(band(r.score, t.blockers))}.`, '');
  o.push(`- **${r.findings}** unresolved findings in ${r.filesScanned} files scanned${r.filesSkipped ? ` (${r.filesSkipped} skipped)` : ''}: **${t.blockers} blocking the migration**, ${t.errors} other errors, ${t.warnings} warnings, ${t.info} informational.${r.suppressed ? ` ${r.suppressed} more were suppressed in the source with a reason.` : ''}`);
  o.push(`- Estimated effort: **${r.personDays} person-days** (${r.points} effort points); assumptions below.`);
  if (r.byCategory.length) o.push(`- Most affected areas: ${r.byCategory.slice(0, 3).map((b) => `${md(b.label)} (${b.findings})`).join(', ')}.`);
  const top = r.plan[0];
  if (top) o.push(`- First step: ${code(top.ruleId)}, ${mdRich(top.title)}: ${top.findings} finding${top.findings === 1 ? '' : 's'}${top.blockers ? `, ${top.blockers} blocking` : ''}.`);
  const preview = r.targets.find((x) => /preview|beta/i.test(x.status));
  if (preview) o.push(`- The target is in **${md(preview.status)}**: see the caveats below.`);
  o.push('');

  o.push('## Readiness score', '');
  o.push(`Unresolved findings lower the score from 100; each kind of finding can take away at most its cap. Informational and suppressed findings do not count; baselined findings do.${r.repos.length > 1 ? ' The portfolio score is the mean of the repository scores.' : ''}`, '');
  o.push(codeBlock(formulaText(t).join('\n')), '');
  if (r.repos.length > 1) o.push(`Over all repositories together the formula gives ${t.score}; the mean of the repository scores is ${r.score}.`, '');

  o.push('## Blockers', '');
  if (r.blockers.length) o.push('The migration cannot proceed until these are dealt with.', '', ...planTable(r.blockers, docs), '');
  else o.push('No finding blocks the migration.', '');

  if (r.repos.length > 1) {
    o.push('## Repositories', '');
    o.push(row(['repository', 'score', 'blocking', 'errors', 'warnings', 'info', 'files', 'effort (person-days)']), row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
    for (const x of [...r.repos].sort((a, b) => a.terms.score - b.terms.score || (a.name < b.name ? -1 : 1))) o.push(row([md(x.name), x.terms.score, x.terms.blockers, x.terms.errors, x.terms.warnings, x.terms.info, x.filesScanned, x.personDays]));
    o.push('');
  }

  o.push('## Effort estimate', '', `**${r.personDays} person-days** for ${r.points} effort points (${r.hours} engineer-hours before overhead).`, '', ...effortAssumptions(r).map((a) => `- ${md(a)}`), '');

  o.push('## Breakdown', '');
  for (const [name, b] of [
    ['By category', r.byCategory],
    ['By file kind', r.byKind],
    ['By component (top-level folder)', r.byComponent],
  ] as const) {
    o.push(`### ${name}`, '');
    o.push(...(b.length ? bucketTable(name.replace(/^By /, ''), b) : ['No unresolved findings.']), '');
  }

  o.push('## Remediation plan', '', 'Ordered by impact: the score penalty the step\'s findings carry (blocker 6, error 2, warning 0.5, info 0 per finding); ties go to the cheaper step first.', '');
  o.push(...(r.plan.length ? planTable(r.plan, docs) : ['Nothing to do.']), '');

  o.push('## Target facts', '');
  for (const x of r.targets) {
    o.push(`### ${md(x.name)}`, '', `Status: **${md(x.status)}**. Package manager: ${code(x.packageManager)}. Source: ${md(x.source)}.`, '');
    o.push(row(['component', 'version']), row(['---', '---']), ...Object.entries(x.versions).map(([k, v]) => row([md(k), code(v)])), '');
    o.push(row(['image', 'reference']), row(['---', '---']), ...Object.entries(x.images).map(([k, v]) => row([md(k), code(v)])), '');
    o.push(...targetCaveats(x).map((c) => `> ${md(c)}`), '');
  }

  o.push('## Appendix: findings', '');
  r.appendix.forEach((f, i) => {
    o.push(`### ${i + 1}. ${r.repos.length > 1 ? `${md(f.repo)}: ` : ''}${code(`${f.file}:${f.line}:${f.column}`)} ${code(f.ruleId)}`, '');
    o.push(`${f.severity}${f.blocker ? ' (blocker)' : ''}, ${f.status ?? 'open'}: ${mdRich(f.message)}`, '');
    if (f.evidence) o.push(codeBlock(f.evidence), '');
    if (f.action) o.push(`What to do: ${mdRich(f.action)}`, '');
  });
  return o.join('\n').replace(/\n+$/, '\n');
}
