import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { scan } from '../src/scan.js';

const ROOT = join(import.meta.dirname, '..');

/**
 * The sample projects under corpus/ and the findings each must produce, one `file:line:col severity rule`
 * line per finding in corpus/<project>.expected.txt. Regenerate after a reviewed change with
 * `UPDATE_EXPECTED=1 npx vitest run test/corpus.test.ts`, and review the diff.
 */
describe.each(['ubuntu-webapp'])('corpus %s', (project) => {
  it('produces exactly the expected findings', async () => {
    const result = await scan({ root: join(ROOT, 'corpus', project) });
    const lines = result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId}`);
    const file = join(ROOT, 'corpus', `${project}.expected.txt`);
    const text = lines.join('\n') + '\n';
    if (process.env.UPDATE_EXPECTED) writeFileSync(file, text);
    expect(existsSync(file)).toBe(true);
    expect(text).toBe(readFileSync(file, 'utf8'));
    // The .gitignore'd build/ folder is never scanned.
    expect(result.files.scanned.some((f) => f.file.startsWith('build/'))).toBe(false);
    expect(result.notes.filter((n) => n.kind === 'parse')).toEqual([]);
  });
});
