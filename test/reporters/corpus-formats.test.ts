import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { scan, type ScanResult } from '../../src/scan.js';
import { applyPolicy } from '../../src/policy/index.js';
import { renderSarif } from '../../src/reporters/sarif.js';
import { renderJunit } from '../../src/reporters/junit.js';
import { renderGithub } from '../../src/reporters/github.js';
import { renderJson } from '../../src/reporters/json.js';
import { renderText } from '../../src/reporters/text.js';
import { validate } from '../support/json-schema.js';
import { computeReadiness } from '../../src/reporters/readiness.js';
import { renderHtml } from '../../src/reporters/html.js';
import { renderMarkdown } from '../../src/reporters/markdown.js';
import { allRules } from '../../src/rules/index.js';
import { loadTarget } from '../../src/knowledge/target.js';
import { KNOWN_IDS } from '../support/project.js';

const ROOT = join(import.meta.dirname, '../..');
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;

/** Every format on the sample corpus: well-formed, and one entry per finding. */
describe('formats on corpus/ubuntu-webapp', () => {
  let result: ScanResult;
  beforeAll(async () => {
    const raw = await scan({ root: join(ROOT, 'corpus/ubuntu-webapp') });
    result = applyPolicy(raw, { knownRuleIds: KNOWN_IDS, now: new Date('2026-06-15T00:00:00Z') }).result;
    expect(result.findings.length).toBeGreaterThan(5);
  });

  it('sarif validates against the schema and has one result per finding', async () => {
    const sarif = JSON.parse(renderSarif(result));
    expect(await validate(SCHEMA, sarif)).toEqual([]);
    expect(sarif.runs[0].results).toHaveLength(result.findings.length);
    const rules = new Set(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id));
    for (const f of result.findings) expect(rules.has(f.ruleId)).toBe(true);
  });

  it('junit is well-formed XML with one failing case per open finding', () => {
    const xml = renderJunit(result);
    const parser = new SaxesParser();
    let failures = 0;
    parser.on('opentag', (t) => {
      if (t.name === 'failure') failures++;
    });
    parser.write(xml).close();
    expect(failures).toBe(result.findings.filter((f) => f.status === 'open').length);
  });

  it('github emits one well-formed workflow command per open finding plus a summary', () => {
    const lines = renderGithub(result).trimEnd().split('\n');
    expect(lines).toHaveLength(result.findings.filter((f) => f.status === 'open').length + 1);
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice) [a-zA-Z]+=[^:]*(,[a-zA-Z]+=[^,:]*)*::[^\n\r]+$/);
  });

  it('json lists every finding with the v1 fields, and text ends with the summary', () => {
    const json = JSON.parse(renderJson(result));
    expect(json.findings).toHaveLength(result.findings.length);
    expect(json.summary.findings).toBe(result.findings.length);
    const text = renderText(result);
    for (const f of result.findings) expect(text).toContain(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.ruleId}`);
    expect(text.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^${result.findings.length} open findings .* scanned for azurelinux-4.0`));
  });

  it('the readiness report (HTML and Markdown) lists every finding in its appendix, blockers first', () => {
    const r = computeReadiness([{ name: 'ubuntu-webapp', result }], { rules: allRules().map((x) => x.meta), target: (id) => loadTarget(id) });
    expect(r.appendix).toHaveLength(result.findings.length);
    const firstNonBlocker = r.appendix.findIndex((f) => !f.blocker);
    expect(r.appendix.slice(firstNonBlocker).some((f) => f.blocker)).toBe(false);
    const html = renderHtml(r);
    expect((html.match(/<tr><td class="n">\d+<\/td><td><code>[^<]*:\d+:\d+<\/code>/g) ?? []).length).toBe(result.findings.length);
    const md = renderMarkdown(r);
    expect((md.match(/^### \d+\. /gm) ?? []).length).toBe(result.findings.length);
    expect(md).toContain(`**Readiness: ${r.score}/100**`);
  });
});
