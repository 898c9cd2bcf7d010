import { band, effortAssumptions, formulaText, type Bucket, type PlanStep, type Readiness } from './readiness.js';

/** HTML text and attribute escaping (file names and contents are untrusted). */
export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Rule-written text whose `code spans` become <code>; everything else is escaped. */
export function escRich(s: string): string {
  const parts = s.split('`');
  if (parts.length % 2 === 0) return esc(s);
  return parts.map((p, i) => (i % 2 ? `<code>${esc(p)}</code>` : esc(p))).join('');
}

export interface DocumentOptions {
  /** When the report was made (ISO date), shown in the header. */
  generatedAt?: string;
  title?: string;
  toolVersion?: string;
  /** Full documentation URL of a shipped rule, or undefined (no link). */
  docsUrl?: (ruleId: string) => string | undefined;
}

const CSS = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1f24;background:#fff}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;border-bottom:1px solid #d0d7de;padding-bottom:4px;margin-top:36px}
.meta{color:#57606a;font-size:13px}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:14px}
th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}td{overflow-wrap:anywhere}
th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}
.score{display:flex;gap:24px;align-items:center}
.big{font-size:56px;font-weight:700;line-height:1}
.blocker{color:#b00020;font-weight:600}.error{color:#b00020}.warning{color:#9a6700}.info{color:#0969da}
pre{background:#f6f8fa;border:1px solid #d0d7de;padding:8px;overflow-x:auto;white-space:pre-wrap;word-break:break-all;margin:4px 0}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}
.formula{background:#f6f8fa;padding:8px;border-left:3px solid #0969da}
.caveat{border-left:3px solid #9a6700;background:#fff8c5;padding:8px}
details{margin:4px 0}
@media print{details{display:block}}
`;

/** A horizontal bar chart as inline SVG: total findings per label, the blocker part darker. */
export function barChart(title: string, buckets: Bucket[], max = 12): string {
  const rows = buckets.slice(0, max);
  const top = Math.max(1, ...rows.map((b) => b.findings));
  const labelW = 260;
  const barW = 380;
  const rowH = 24;
  const h = rows.length * rowH + 8;
  const bars = rows
    .map((b, i) => {
      const y = i * rowH + 4;
      const w = Math.max(1, Math.round((b.findings / top) * barW));
      const bw = Math.round((b.blockers / top) * barW);
      return (
        `<text x="${labelW - 8}" y="${y + 16}" text-anchor="end">${esc(b.label.length > 40 ? `${b.label.slice(0, 39)}…` : b.label)}</text>` +
        `<rect x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 8}" fill="#8fb8e8"/>` +
        (bw ? `<rect x="${labelW}" y="${y + 3}" width="${bw}" height="${rowH - 8}" fill="#b00020"/>` : '') +
        `<text x="${labelW + w + 6}" y="${y + 16}">${b.findings}${b.blockers ? ` (${b.blockers} blocking)` : ''}</text>`
      );
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" width="${labelW + barW + 140}" height="${h}" viewBox="0 0 ${labelW + barW + 140} ${h}" font-family="system-ui,sans-serif" font-size="13"><title>${esc(title)}</title>${bars}</svg>`;
}

/** The score as an inline SVG gauge (a ring filled in proportion). */
function gauge(score: number): string {
  const r = 42;
  const c = 2 * Math.PI * r;
  const filled = (Math.max(0, Math.min(100, score)) / 100) * c;
  const color = score >= 90 ? '#1a7f37' : score >= 70 ? '#9a6700' : '#b00020';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="110" height="110" viewBox="0 0 110 110" role="img" aria-label="readiness ${score} of 100"><circle cx="55" cy="55" r="${r}" fill="none" stroke="#d0d7de" stroke-width="12"/><circle cx="55" cy="55" r="${r}" fill="none" stroke="${color}" stroke-width="12" stroke-dasharray="${filled.toFixed(1)} ${c.toFixed(1)}" transform="rotate(-90 55 55)"/><text x="55" y="62" text-anchor="middle" font-family="system-ui,sans-serif" font-size="24" font-weight="700">${score}</text></svg>`;
}

function ruleCell(step: { ruleId: string; title: string }, docs?: (id: string) => string | undefined): string {
  const url = docs?.(step.ruleId);
  const id = url ? `<a href="${esc(url)}"><code>${esc(step.ruleId)}</code></a>` : `<code>${esc(step.ruleId)}</code>`;
  return `${id}<br>${escRich(step.title)}`;
}

function fileList(files: string[], n = 5): string {
  const shown = files.slice(0, n).map((f) => `<code>${esc(f)}</code>`).join(', ');
  return files.length > n ? `${shown} and ${files.length - n} more` : shown;
}

function bucketTable(head: string, buckets: Bucket[]): string {
  return `<table><thead><tr><th>${esc(head)}</th><th>findings</th><th>blocking</th></tr></thead><tbody>${buckets.map((b) => `<tr><td>${esc(b.label)}</td><td class="n">${b.findings}</td><td class="n">${b.blockers}</td></tr>`).join('')}</tbody></table>`;
}

function planTable(steps: PlanStep[], docs?: (id: string) => string | undefined): string {
  return `<table><thead><tr><th>#</th><th>rule</th><th>findings</th><th>blocking</th><th>impact</th><th>effort (h)</th><th>what to do</th><th>where</th></tr></thead><tbody>${steps
    .map((s, i) => `<tr><td class="n">${i + 1}</td><td>${ruleCell(s, docs)}</td><td class="n">${s.findings}</td><td class="n">${s.blockers}</td><td class="n">${s.impact}</td><td class="n">${s.hours}</td><td>${escRich(s.action)}</td><td>${fileList(s.files)}</td></tr>`)
    .join('')}</tbody></table>`;
}

/** The self-contained HTML report: no external assets, no script; charts are inline SVG. */
export function renderHtml(r: Readiness, opts: DocumentOptions = {}): string {
  const title = opts.title ?? 'Azure Linux 4.0 migration readiness';
  const docs = opts.docsUrl;
  const t = r.terms;
  const s: string[] = [];
  s.push(`<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">`);
  s.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  s.push(`<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${CSS}</style></head><body><main>`);
  s.push(`<h1>${esc(title)}</h1><p class="meta">${r.repos.length === 1 ? `Repository <b>${esc(r.repos[0]!.name)}</b>` : `${r.repos.length} repositories`} · target ${r.targets.map((x) => esc(x.name)).join(', ') || esc(r.repos.map((x) => x.target).join(', '))}${opts.generatedAt ? ` · ${esc(opts.generatedAt)}` : ''}${opts.toolVersion ? ` · azl-migrate ${esc(opts.toolVersion)}` : ''}</p>`);

  // Executive summary
  const top = r.plan[0];
  s.push(`<h2 id="summary">Executive summary</h2><div class="score">${gauge(r.score)}<div><div class="big">${r.score}<span style="font-size:20px">/100</span></div><div>${esc(band(r.score, t.blockers))}</div></div></div>`);
  s.push('<ul>');
  s.push(`<li><b>${r.findings}</b> unresolved findings in ${r.filesScanned} files scanned${r.filesSkipped ? ` (${r.filesSkipped} skipped)` : ''}: <span class="blocker">${t.blockers} blocking the migration</span>, ${t.errors} other errors, ${t.warnings} warnings, ${t.info} informational.${r.suppressed ? ` ${r.suppressed} more were suppressed in the source with a reason.` : ''}</li>`);
  s.push(`<li>Estimated effort: <b>${r.personDays} person-days</b> (${r.points} effort points); assumptions below.</li>`);
  if (r.byCategory.length) s.push(`<li>Most affected areas: ${r.byCategory.slice(0, 3).map((b) => `${esc(b.label)} (${b.findings})`).join(', ')}.</li>`);
  if (top) s.push(`<li>First step: <code>${esc(top.ruleId)}</code>, ${escRich(top.title)}: ${top.findings} finding${top.findings === 1 ? '' : 's'}${top.blockers ? `, ${top.blockers} blocking` : ''}.</li>`);
  if (r.targets.some((x) => /preview|beta/i.test(x.status))) s.push(`<li>The target is in <b>${esc(r.targets.find((x) => /preview|beta/i.test(x.status))!.status)}</b>: see the caveats below.</li>`);
  s.push('</ul>');

  // Score
  s.push(`<h2 id="score">Readiness score</h2><p>Unresolved findings lower the score from 100; each kind of finding can take away at most its cap, so one noisy rule cannot hide the rest. Informational and suppressed findings do not count; baselined findings do (a baseline accepts them in CI, it does not fix them).${r.repos.length > 1 ? ' The portfolio score is the mean of the repository scores.' : ''}</p>`);
  s.push(`<pre class="formula"><code>${formulaText(t).map(esc).join('\n')}</code></pre>`);
  if (r.repos.length > 1) s.push(`<p>Over all repositories together the formula gives ${t.score}; the mean of the repository scores is ${r.score}.</p>`);

  // Blockers first
  s.push(`<h2 id="blockers">Blockers</h2>`);
  if (r.blockers.length) s.push(`<p>The migration cannot proceed until these are dealt with.</p>${planTable(r.blockers, docs)}`);
  else s.push('<p>No finding blocks the migration.</p>');

  // Portfolio
  if (r.repos.length > 1) {
    s.push(`<h2 id="repositories">Repositories</h2><table><thead><tr><th>repository</th><th>score</th><th>blocking</th><th>errors</th><th>warnings</th><th>info</th><th>files</th><th>effort (person-days)</th></tr></thead><tbody>`);
    for (const x of [...r.repos].sort((a, b) => a.terms.score - b.terms.score || (a.name < b.name ? -1 : 1))) {
      s.push(`<tr><td>${esc(x.name)}</td><td class="n">${x.terms.score}</td><td class="n">${x.terms.blockers}</td><td class="n">${x.terms.errors}</td><td class="n">${x.terms.warnings}</td><td class="n">${x.terms.info}</td><td class="n">${x.filesScanned}</td><td class="n">${x.personDays}</td></tr>`);
    }
    s.push('</tbody></table>');
  }

  // Effort
  s.push(`<h2 id="effort">Effort estimate</h2><p><b>${r.personDays} person-days</b> for ${r.points} effort points (${r.hours} engineer-hours before overhead).</p><ul>${effortAssumptions(r).map((a) => `<li>${esc(a)}</li>`).join('')}</ul>`);

  // Breakdown
  s.push(`<h2 id="breakdown">Breakdown</h2>`);
  for (const [name, b] of [
    ['By category', r.byCategory],
    ['By file kind', r.byKind],
    ['By component (top-level folder)', r.byComponent],
  ] as const) {
    s.push(`<h3>${name}</h3>`);
    if (b.length) s.push(barChart(name, b), bucketTable(name.replace(/^By /, ''), b));
    else s.push('<p>No unresolved findings.</p>');
  }

  // Plan
  s.push(`<h2 id="plan">Remediation plan</h2><p>Ordered by impact: the score penalty the step's findings carry (${'blocker 6, error 2, warning 0.5, info 0'} per finding); ties go to the cheaper step first.</p>`);
  s.push(r.plan.length ? planTable(r.plan, docs) : '<p>Nothing to do.</p>');

  // Target facts
  s.push(`<h2 id="target">Target facts</h2>`);
  for (const x of r.targets) {
    s.push(`<h3>${esc(x.name)}</h3><p>Status: <b>${esc(x.status)}</b>. Package manager: <code>${esc(x.packageManager)}</code>. Source: ${esc(x.source)}.</p>`);
    s.push(`<table><thead><tr><th>component</th><th>version</th></tr></thead><tbody>${Object.entries(x.versions).map(([k, v]) => `<tr><td>${esc(k)}</td><td><code>${esc(v)}</code></td></tr>`).join('')}</tbody></table>`);
    s.push(`<table><thead><tr><th>image</th><th>reference</th></tr></thead><tbody>${Object.entries(x.images).map(([k, v]) => `<tr><td>${esc(k)}</td><td><code>${esc(v)}</code></td></tr>`).join('')}</tbody></table>`);
    s.push(`<div class="caveat">${targetCaveats(x).map((c) => `<p>${esc(c)}</p>`).join('')}</div>`);
  }

  // Appendix
  s.push(`<h2 id="appendix">Appendix: findings</h2><table><thead><tr><th>#</th>${r.repos.length > 1 ? '<th>repository</th>' : ''}<th>location</th><th>rule</th><th>severity</th><th>status</th><th>finding and evidence</th></tr></thead><tbody>`);
  r.appendix.forEach((f, i) => {
    const sev = `<span class="${f.blocker ? 'blocker' : f.severity}">${f.severity}${f.blocker ? ' (blocker)' : ''}</span>`;
    const body = `${escRich(f.message)}${f.evidence ? `<pre><code>${esc(f.evidence)}</code></pre>` : ''}${f.action ? `<div>What to do: ${escRich(f.action)}</div>` : ''}`;
    s.push(`<tr><td class="n">${i + 1}</td>${r.repos.length > 1 ? `<td>${esc(f.repo)}</td>` : ''}<td><code>${esc(`${f.file}:${f.line}:${f.column}`)}</code></td><td><code>${esc(f.ruleId)}</code></td><td>${sev}</td><td>${esc(f.status ?? 'open')}</td><td>${body}</td></tr>`);
  });
  s.push('</tbody></table></main></body></html>\n');
  return s.join('\n');
}

/** Caveats that follow from the target profile's own facts. */
export function targetCaveats(x: { name: string; status: string; images: Record<string, string> }): string[] {
  const out: string[] = [];
  if (/preview|beta/i.test(x.status)) {
    out.push(`${x.name} is in ${x.status}: package versions, package availability and image names can change before general availability. Re-run this report when the target profile is updated.`);
  }
  if (Object.values(x.images).some((i) => i.includes('-beta/'))) out.push('The container images are published under a beta registry path; their final names may differ.');
  out.push('The target profile records no general-availability or end-of-life date; check the vendor lifecycle page before planning production cut-over.');
  return out;
}
