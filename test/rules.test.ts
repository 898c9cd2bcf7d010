import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../src/rules/index.js';
import { caseFiles, compare, findingsFor, fixedName, fixUntilStable, parseAnnotations, readCase, RULES_DIR } from './harness/cases.js';

/** The line-comment syntax of a case file's language, when it has one. */
function COMMENT_PREFIX(name: string): string | undefined {
  if (/\.(json)$/.test(name)) return undefined;
  if (/\.(bicep|ts|js|mjs|cjs|tsx)$/.test(name)) return '// ';
  return '# ';
}

describe.each(allRules().map((r) => [r.meta.id, r] as const))('rule %s', (id, rule) => {
  it('has a doc that names it, and annotated cases with positive and negative examples', () => {
    const doc = readFileSync(join(RULES_DIR, id, 'rule.md'), 'utf8');
    expect(doc.startsWith(`# ${id}:`)).toBe(true);
    expect(doc).toMatch(/knowledge sheet|https?:\/\//i);
    if (rule.meta.unconfirmed) expect(doc).toMatch(/UNCONFIRMED/);
    const files = caseFiles(id);
    expect(files.length).toBeGreaterThan(0);
    const all = files.map((f) => parseAnnotations(readCase(id, f)));
    expect(all.some((a) => [...a.expected.values()].flat().includes(id))).toBe(true);
    expect(all.some((a) => [...a.ok.values()].flat().includes(id))).toBe(true);
  });

  it.each(caseFiles(id))('finds exactly the annotated findings in %s', async (name) => {
    const text = readCase(id, name);
    const findings = await findingsFor(name, text, [rule]);
    expect(compare(parseAnnotations(text), findings, new Set([id]))).toEqual([]);
  });

  // Every case file again, with CRLF line endings: the same findings on the same lines.
  it.each(caseFiles(id).filter((n) => !/\.json$/.test(n)))('finds the same in %s with CRLF line endings', async (name) => {
    const text = readCase(id, name);
    if (text.includes('\r\n')) return;
    const lf = (await findingsFor(name, text, [rule])).map((f) => `${f.line}:${f.column} ${f.ruleId}`);
    const crlf = (await findingsFor(name, text.replace(/\n/g, '\r\n'), [rule])).map((f) => `${f.line}:${f.column} ${f.ruleId}`);
    expect(crlf).toEqual(lf);
  });

  // Every case file again, every line commented out: nothing may be reported (comments are never code).
  it.each(caseFiles(id).filter((n) => COMMENT_PREFIX(n) !== undefined))('finds nothing in %s when every line is commented out', async (name) => {
    const prefix = COMMENT_PREFIX(name)!;
    const text = readCase(id, name)
      .split('\n')
      .map((l) => (l.trim() === '' ? l : `${prefix}${l}`))
      .join('\n');
    expect((await findingsFor(name, text, [rule])).map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([]);
  });

  // Unsafe fixes (they change behaviour) are checked too, against cases.<x>.unsafe-fixed.<ext>.
  it.each(caseFiles(id))('all fixes of %s (unsafe included) give the .unsafe-fixed file', async (name) => {
    const text = readCase(id, name);
    const findings = await findingsFor(name, text, [rule]);
    const expectedFile = join(RULES_DIR, id, fixedName(name, true));
    const hasUnsafe = findings.some((f) => f.fix?.safety === 'unsafe');
    const fixed = hasUnsafe ? await fixUntilStable(name, text, [rule], true) : text;
    if (process.env.UPDATE_FIXED) {
      if (hasUnsafe && fixed !== text) writeFileSync(expectedFile, fixed);
      else if (existsSync(expectedFile)) rmSync(expectedFile);
    }
    if (!hasUnsafe || fixed === text) {
      expect(existsSync(expectedFile)).toBe(false);
      return;
    }
    expect(fixed).toBe(readFileSync(expectedFile, 'utf8'));
  });

  it.each(caseFiles(id))('safe fixes of %s give the .fixed file, which re-parses and no longer has fixable findings', async (name) => {
    const text = readCase(id, name);
    const fixed = await fixUntilStable(name, text, [rule]);
    const expectedFile = join(RULES_DIR, id, fixedName(name));
    // UPDATE_FIXED=1 writes the fixed output for review (git diff shows what the fixes did).
    if (process.env.UPDATE_FIXED) {
      if (fixed !== text) writeFileSync(expectedFile, fixed);
      else if (existsSync(expectedFile)) rmSync(expectedFile);
    }
    if (!existsSync(expectedFile)) {
      // No .fixed file: the rule must not change this case.
      expect(fixed).toBe(text);
      return;
    }
    expect(fixed).toBe(readFileSync(expectedFile, 'utf8'));
    const after = await findingsFor(name, fixed, [rule]);
    expect(after.filter((f) => f.fix?.safety === 'safe')).toEqual([]);
  });
});

it('the rule registry is generated from the rule folders', async () => {
  const { execFileSync } = await import('node:child_process');
  expect(() => execFileSync(process.execPath, [join(RULES_DIR, '../scripts/gen-registry.mjs'), '--check'])).not.toThrow();
  for (const r of allRules()) expect(existsSync(join(RULES_DIR, r.meta.id, 'rule.ts'))).toBe(true);
});
