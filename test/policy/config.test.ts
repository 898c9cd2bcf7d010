import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyRuleOverrides, checkRuleIds, ConfigError, CONFIG_KEYS } from '../../src/policy/config.js';
import { parseConfig } from '../../src/policy/config-file.js';
import { validate } from '../support/json-schema.js';

const SCHEMA = JSON.parse(readFileSync(join(import.meta.dirname, '../../schema/azl-migrate.schema.json'), 'utf8')) as Record<string, unknown>;
const KNOWN = new Set(['pkgmgr/apt', 'identity/os-release', 'suppression/missing-reason']);

const FULL = `# the project's policy
target: azurelinux-4.0
include: [docker/**, scripts/]
exclude:
  - "**/testdata/**"
rules:
  pkgmgr/apt: warning
  identity/os-release: off
  suppression/missing-reason: { severity: error, blocker: true }
rule-dirs: [ci/azl-rules]
fail-on: warning
fail-on-blocker: true
baseline: .azl-migrate-baseline.json
`;

describe('config file', () => {
  it('reads every key; folders are resolved against the config file', () => {
    const c = parseConfig(FULL, '/repo/.azl-migrate.yaml');
    expect(c).toMatchObject({
      target: 'azurelinux-4.0',
      include: ['docker/**', 'scripts/'],
      exclude: ['**/testdata/**'],
      rules: { 'pkgmgr/apt': { severity: 'warning' }, 'identity/os-release': { off: true }, 'suppression/missing-reason': { severity: 'error', blocker: true } },
      ruleDirs: ['/repo/ci/azl-rules'],
      failOn: 'warning',
      failOnBlocker: true,
      baseline: '/repo/.azl-migrate-baseline.json',
    });
    expect(() => checkRuleIds(c, KNOWN)).not.toThrow();
  });

  it('an empty file is an empty config', () => {
    expect(parseConfig('', 'c.yaml')).toEqual({ file: 'c.yaml' });
    expect(parseConfig('# only a comment\n', 'c.yaml')).toEqual({ file: 'c.yaml' });
  });

  it.each([
    ['an unknown key', 'target: azurelinux-4.0\nfailOn: warning\n', /^c\.yaml:2:1: unknown key "failOn" \(known keys: target, include/],
    ['an unknown key in a rule setting', 'rules:\n  pkgmgr/apt: { level: warning }\n', /^c\.yaml:2:17: unknown key "level" in the settings of rule pkgmgr\/apt/],
    ['a bad severity', 'rules:\n  pkgmgr/apt: high\n', /^c\.yaml:2:15: the setting of rule pkgmgr\/apt \(or off\) must be one of error, warning, info/],
    ['a bad fail-on', 'fail-on: critical\n', /fail-on must be one of error, warning, info, none/],
    ['a non-boolean', 'fail-on-blocker: yes\n', /fail-on-blocker must be true or false/],
    ['a list where a string goes', 'target: [a]\n', /target must be a non-empty string/],
    ['a duplicate key', 'target: a\ntarget: b\n', /^c\.yaml:2:1: Map keys must be unique/],
    ['bad YAML', 'rules: [\n', /^c\.yaml:\d+:\d+: /],
    ['a top-level list', '- target\n', /the config must be a mapping/],
  ])('rejects %s with its position', (_what, text, message) => {
    expect(() => parseConfig(text, 'c.yaml')).toThrow(ConfigError);
    expect(() => parseConfig(text, 'c.yaml')).toThrow(message);
  });

  it('an unknown rule id is an error, with where it is written', () => {
    const c = parseConfig('rules:\n  pkgmgr/apt: warning\n  pkgmgr/yum: off\n', 'c.yaml');
    expect(() => checkRuleIds(c, KNOWN)).toThrow('c.yaml:3:3: unknown rule id "pkgmgr/yum" (see: azl-migrate rules)');
  });

  it('overrides change severity and blocker, and off drops the findings', () => {
    const f = (ruleId: string) => ({ ruleId, severity: 'error' as const, blocker: true });
    const out = applyRuleOverrides([f('pkgmgr/apt'), f('identity/os-release'), f('other/x'), f('suppression/missing-reason')], parseConfig(FULL, 'c.yaml').rules);
    expect(out).toEqual([
      { ruleId: 'pkgmgr/apt', severity: 'warning', blocker: true },
      { ruleId: 'other/x', severity: 'error', blocker: true },
      { ruleId: 'suppression/missing-reason', severity: 'error', blocker: true },
    ]);
  });
});

describe('published JSON Schema', () => {
  it('names exactly the keys the parser knows', () => {
    expect(Object.keys(SCHEMA.properties as object).sort()).toEqual([...CONFIG_KEYS].sort());
  });

  const samples: [string, boolean][] = [
    [FULL, true],
    ['', true],
    ['include: docker/\n', true],
    ['rules:\n  pkgmgr/apt: false\n', true],
    ['unknown: 1\n', false],
    ['rules:\n  pkgmgr/apt: high\n', false],
    ['rules:\n  pkgmgr/apt: { level: warning }\n', false],
    ['fail-on: critical\n', false],
    ['fail-on-blocker: "true"\n', false],
    ['baseline: ""\n', false],
    ['include: [1]\n', false],
  ];
  it.each(samples)('agrees with the parser on %j', async (text, valid) => {
    const parsed = (parse(text) ?? {}) as unknown;
    const errors = await validate(SCHEMA, parsed);
    expect(errors.length === 0, errors.join('; ')).toBe(valid);
    if (valid) expect(() => parseConfig(text, 'c.yaml')).not.toThrow();
    else expect(() => parseConfig(text, 'c.yaml')).toThrow(ConfigError);
  });
});
