import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { adapterFor } from '../../src/languages/registry.js';
import { runRules } from '../../src/core/engine.js';
import { loadTarget } from '../../src/knowledge/target.js';
import { allRules } from '../../src/rules/index.js';
import { compare, kindOfCase, parseAnnotations, parseSidecar } from '../harness/cases.js';

/**
 * Annotated files of every source kind of issue #8, run through all rules: findings inside embedded code (cloud-init
 * in heredocs, shell in run:/script:/inline, child_process strings) must land on the annotated lines. Only the rules
 * a file annotates are compared, so unrelated rules may add findings without breaking these cases.
 */
const DIR = join(import.meta.dirname, 'cases');
const files = readdirSync(DIR).filter((f) => !f.endsWith('.expected')).sort();

describe('embedded code in IaC, CI and TS/JS files', () => {
  it.each(files)('%s: exactly the annotated findings', async (name) => {
    const text = readFileSync(join(DIR, name), 'utf8');
    const side = join(DIR, `${name}.expected`);
    const ex = existsSync(side) ? parseSidecar(readFileSync(side, 'utf8')) : parseAnnotations(text);
    const ids = new Set([...ex.expected.values(), ...ex.ok.values()].flat());
    expect(ids.size).toBeGreaterThan(0);
    const facts = await adapterFor(kindOfCase(name)).analyze(name, text);
    const findings = runRules(facts, { rules: allRules(), target: loadTarget('azurelinux-4.0') }).filter((f) => ids.has(f.ruleId));
    expect(compare(ex, findings, ids)).toEqual([]);
  });
});
