import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderSarif, FINGERPRINT_KEY, pathToUri, SARIF_LEVEL } from '../../src/reporters/sarif.js';
import { DOCS_BASE_URL } from '../../src/reporters/links.js';
import { createBaseline } from '../../src/policy/baseline.js';
import { validate } from '../support/json-schema.js';
import { allRules, findRule } from '../../src/rules/index.js';
import { APT_RULE, FIXING_RULE, project, scanWithPolicy } from '../support/project.js';

const SCHEMA_FILE = join(import.meta.dirname, '../fixtures/sarif/sarif-schema-2.1.0.json');
const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;

const p = project({
  'Dockerfile': 'FROM ubuntu:22.04\n# azl-migrate-ignore pkgmgr/apt -- the build stage stays on Ubuntu until Q3\nRUN apt-get update && \\\n    apt-get install -y curl\nRUN apt-get install -y jq\n',
  'scripts/setup tools.sh': '#!/bin/sh\necho "🚀"; apt-get update\napt-get install -y nginx\n',
  'old.sh': '#!/bin/sh\napt-get install -y vim\n',
});
afterAll(() => p.cleanup());

async function log(extra = {}) {
  const base = await scanWithPolicy(p.root, {}, [...allRules(), FIXING_RULE, APT_RULE]);
  const baseline = createBaseline(base.findings.filter((f) => f.file === 'old.sh'), base.target);
  const result = await scanWithPolicy(p.root, { baseline: { file: 'baseline.json', data: baseline }, ...extra }, [...allRules(), FIXING_RULE, APT_RULE]);
  return { result, sarif: JSON.parse(renderSarif(result)) };
}

describe('SARIF reporter', () => {
  it('uses the vendored official schema, unchanged', () => {
    expect(createHash('sha256').update(readFileSync(SCHEMA_FILE)).digest('hex')).toBe('c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e');
    expect(schema.id).toBe('https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
  });

  it('validates against the SARIF 2.1.0 schema, with suppressed, baselined, open and fixable results', async () => {
    const { sarif } = await log({ showSuppressed: true });
    const statuses = sarif.runs[0].results.map((r: any) => r.properties.status);
    expect(new Set(statuses)).toEqual(new Set(['open', 'suppressed', 'baselined']));
    expect(sarif.runs[0].results.some((r: any) => r.fixes)).toBe(true);
    expect(await validate(schema, sarif)).toEqual([]);
  });

  it('the validator rejects a broken log (so the test above can fail)', async () => {
    const { sarif } = await log();
    sarif.runs[0].results[0].level = 'fatal';
    delete sarif.version;
    sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    const errors = await validate(schema, sarif);
    expect(errors.some((e) => e.includes('version'))).toBe(true);
    expect(errors.some((e) => e.includes('fatal'))).toBe(true);
    expect(errors.some((e) => e.includes('minimum'))).toBe(true);
  });

  it('lists every rule once with helpUri and explicit default level, and every result points at its rule', async () => {
    const { sarif } = await log();
    const rules = sarif.runs[0].tool.driver.rules as any[];
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('pkgmgr/apt');
    expect(ids).toContain('suppression/missing-reason');
    const apt = rules.find((r) => r.id === 'pkgmgr/apt');
    expect(apt.helpUri).toBe(`${DOCS_BASE_URL}rules/pkgmgr/apt/rule.md`);
    expect(apt.defaultConfiguration.level).toBe(SARIF_LEVEL[findRule('pkgmgr/apt').meta.severity]);
    expect(rules.find((r) => r.id === 'test/apt').defaultConfiguration.level).toBe('error');
    expect(apt.shortDescription.text.length).toBeGreaterThan(0);
    expect(rules.find((r) => r.id === 'test/apt-to-dnf').defaultConfiguration.level).toBe('note');
    for (const r of sarif.runs[0].results) {
      expect(rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(['error', 'warning', 'note']).toContain(r.level);
      expect(r.message.text.length).toBeGreaterThan(0);
    }
  });

  it('maps severities to levels explicitly, including config overrides', async () => {
    const { sarif } = await log({ rules: { 'pkgmgr/apt': { severity: 'info' } } });
    const levels = sarif.runs[0].results.filter((r: any) => r.ruleId === 'pkgmgr/apt').map((r: any) => r.level);
    expect(levels.length).toBeGreaterThan(0);
    expect(new Set(levels)).toEqual(new Set(['note']));
    const fix = sarif.runs[0].results.filter((r: any) => r.ruleId === 'test/apt-to-dnf').map((r: any) => r.level);
    expect(new Set(fix)).toEqual(new Set(['note']));
  });

  it('gives partialFingerprints from the stable fingerprint', async () => {
    const { result, sarif } = await log();
    const open = result.findings.filter((f) => f.status !== 'suppressed');
    expect(sarif.runs[0].results.map((r: any) => r.partialFingerprints[FINGERPRINT_KEY])).toEqual(result.findings.map((f) => f.fingerprint));
    expect(open.length).toBeGreaterThan(0);
  });

  it('counts columns in UTF-16 code units and says so', async () => {
    const { sarif } = await log();
    expect(sarif.runs[0].columnKind).toBe('utf16CodeUnits');
    const r = sarif.runs[0].results.find((x: any) => x.ruleId === 'pkgmgr/apt' && x.locations[0].physicalLocation.artifactLocation.uri === 'scripts/setup%20tools.sh');
    // `echo "🚀"; apt-get update`: the rocket is two UTF-16 code units, so apt-get starts at column 12.
    expect(r.locations[0].physicalLocation.region).toMatchObject({ startLine: 2, startColumn: 12, endLine: 2 });
  });

  it('writes fixes with line/column regions of each edit, for the fix and for suggestions', async () => {
    const { sarif } = await log();
    const r = sarif.runs[0].results.find((x: any) => x.ruleId === 'test/apt-to-dnf' && x.locations[0].physicalLocation.artifactLocation.uri === 'scripts/setup%20tools.sh');
    expect(r.fixes).toEqual([
      {
        description: { text: 'Replace apt-get with dnf' },
        artifactChanges: [{ artifactLocation: { uri: 'scripts/setup%20tools.sh', uriBaseId: '%SRCROOT%' }, replacements: [{ deletedRegion: { startLine: 2, startColumn: 12, endLine: 2, endColumn: 19 }, insertedContent: { text: 'dnf' } }] }],
        properties: { safety: 'safe' },
      },
      {
        description: { text: 'Rewrite the whole command (unsafe: review before applying)' },
        artifactChanges: [{ artifactLocation: { uri: 'scripts/setup%20tools.sh', uriBaseId: '%SRCROOT%' }, replacements: [{ deletedRegion: { startLine: 2, startColumn: 12, endLine: 2, endColumn: 26 }, insertedContent: { text: 'dnf install -y <packages>' } }] }],
        properties: { safety: 'unsafe' },
      },
    ]);
    const plain = sarif.runs[0].results.filter((x: any) => x.ruleId === 'test/apt');
    expect(plain.length).toBeGreaterThan(0);
    expect(plain.every((x: any) => x.fixes === undefined)).toBe(true);
  });

  it('keeps suppressed and baselined results as accepted, with the reason; new results are marked new', async () => {
    const { sarif } = await log();
    const results = sarif.runs[0].results as any[];
    const sup = results.filter((r) => r.properties.status === 'suppressed');
    expect(sup.length).toBe(2);
    for (const r of sup) expect(r.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'the build stage stays on Ubuntu until Q3' }]);
    const base = results.filter((r) => r.properties.status === 'baselined');
    expect(new Set(base.map((r) => r.locations[0].physicalLocation.artifactLocation.uri))).toEqual(new Set(['old.sh']));
    expect(base.map((r) => r.ruleId)).toEqual(expect.arrayContaining(['pkgmgr/apt', 'test/apt-to-dnf']));
    for (const r of base) {
      expect(r.baselineState).toBe('unchanged');
      expect(r.suppressions[0]).toMatchObject({ kind: 'external', status: 'accepted' });
    }
    const open = results.filter((r) => r.properties.status === 'open');
    expect(open.every((r) => r.baselineState === 'new' && r.suppressions === undefined)).toBe(true);
  });

  it('percent-encodes paths as URI references', () => {
    expect(pathToUri('my dir/a b#1%.sh')).toBe('my%20dir/a%20b%231%25.sh');
    expect(pathToUri('docker/Dockerfile')).toBe('docker/Dockerfile');
  });
});
