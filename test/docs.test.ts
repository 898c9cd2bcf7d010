import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../src/rules/index.js';
import { rulesTable, withRulesTable } from '../src/rules/docs.js';

const ROOT = join(import.meta.dirname, '..');
const metas = allRules().map((r) => r.meta);

it.each([
  ['README.md', 'rules/'],
  ['rules/README.md', ''],
])('the rule table in %s is generated from rule metadata (npm run gen:docs)', (file, prefix) => {
  const doc = readFileSync(join(ROOT, file), 'utf8');
  expect(doc).toBe(withRulesTable(doc, rulesTable(metas, prefix)));
});

it('every rule id is its folder and unique', () => {
  const ids = metas.map((m) => m.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
});

it('the README quick start has exactly the two documented commands', () => {
  const doc = readFileSync(join(ROOT, 'README.md'), 'utf8');
  expect(doc).toContain('npm install && npm start');
  expect(doc).toContain('npm test');
});

it('the README console examples print exactly what the CLI prints', async () => {
  const { run } = await import('../src/cli/run.js');
  const doc = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const blocks = [...doc.matchAll(/```console\n\$ azl-migrate ([^\n]+)\n([\s\S]*?)```/g)];
  expect(blocks.length).toBeGreaterThanOrEqual(3);
  for (const [, cmd, expected] of blocks) {
    let out = '';
    const code = await run(cmd!.split(' '), { stdout: (s) => (out += s), stderr: () => undefined, cwd: ROOT });
    expect(code).toBe(0);
    expect(out).toBe(expected);
  }
});
