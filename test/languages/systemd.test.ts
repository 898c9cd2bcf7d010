import { describe, expect, it } from 'vitest';
import { EmbeddedSource } from '../../src/core/sourcemap.js';
import { parseUnit } from '../../src/languages/systemd/parse.js';
import { analyzeSystemdFile, unitsInShell } from '../../src/languages/systemd/index.js';
import { classifyByName } from '../../src/discovery.js';
import { findingsFor } from '../harness/cases.js';
import { findRule } from '../../src/rules/index.js';

const info = { name: 'x.service', type: 'service', dropIn: false, origin: 'file' };

describe('systemd unit parser', () => {
  it('keeps repeated keys, resets, comments and continuations with host positions', () => {
    const text = '[Unit]\nDescription=a\n; comment\n# comment\n[Service]\nExecStart=\nExecStart=/bin/a \\\n  # skipped\n  --flag\nEnvironment=A=1\nEnvironment=B=2\n';
    const u = parseUnit(EmbeddedSource.identity(text, 0), info);
    expect(u.sections.map((s) => s.name)).toEqual(['Unit', 'Service']);
    expect(u.directives.map((d) => [d.key, d.value, d.reset])).toEqual([
      ['Description', 'a', false],
      ['ExecStart', '', true],
      ['ExecStart', '/bin/a --flag', false],
      ['Environment', 'A=1', false],
      ['Environment', 'B=2', false],
    ]);
    const exec = u.directives[2]!;
    expect(text.slice(exec.valueSpan.start, exec.valueSpan.end)).toBe('/bin/a \\\n  # skipped\n  --flag');
    expect(exec.valueSource.text.length).toBe(exec.valueSpan.end - exec.valueSpan.start);
    expect(u.problems).toEqual([]);
  });

  it('reports malformed lines with positions and keeps going', async () => {
    const text = 'Description=before\n[Unit\nthis is junk\n[Service]\nUser=app\n';
    const facts = await analyzeSystemdFile('bad.service', text);
    expect(facts.notes.map((n) => [n.line, n.column, n.message])).toEqual([
      [1, 1, 'bad.service: Description= appears before any [Section] header; systemd ignores it'],
      [2, 1, 'bad.service: malformed section header "[Unit"'],
      [3, 1, 'bad.service: line is not a Key=Value assignment: "this is junk"'],
    ]);
    expect(facts.units![0]!.directives.find((d) => d.key === 'User')?.value).toBe('app');
  });

  it('turns Exec lines into commands at exact positions, through continuations and sh -c', async () => {
    const text = '[Service]\nExecStartPre=-/usr/bin/apt-get \\\n    update\nExecStart=/bin/sh -c \'echo start; \\\n   apt-get install -y curl\'\n';
    const findings = await findingsFor('web.service', text, [findRule('pkgmgr/apt')]);
    expect(findings.map((f) => [f.line, f.column, f.endLine, f.endColumn, f.evidence])).toEqual([
      [2, 15, 3, 11, '/usr/bin/apt-get \\\n    update'],
      [5, 4, 5, 19, 'apt-get install'],
    ]);
  });

  it('classifies units, drop-ins and templates by path', () => {
    expect(classifyByName('deploy/web.service')).toBe('systemd');
    expect(classifyByName('etc/systemd/system/web.service.d/override.conf')).toBe('systemd');
    expect(classifyByName('roles/web/templates/web.service.j2')).toBe('systemd');
    expect(classifyByName('etc/nginx/conf.d/site.conf')).toBeUndefined();
  });

  it('finds units written by shell heredocs', async () => {
    const { analyzeShell } = await import('../../src/languages/shell/model.js');
    const { shellParser } = await import('../../src/languages/shell/parser.js');
    const text = "set -e\ncat > /etc/systemd/system/app.service <<'EOF'\n[Service]\nUser=www-data\nEOF\n";
    const a = analyzeShell([{ source: EmbeddedSource.identity(text, 0), origin: 'script' }], { parser: await shellParser() });
    const units = unitsInShell(a.units);
    expect(units.map((u) => [u.name, u.path, u.origin])).toEqual([['app.service', '/etc/systemd/system/app.service', 'heredoc']]);
    const d = units[0]!.directives[0]!;
    expect(text.slice(d.valueSpan.start, d.valueSpan.end)).toBe('www-data');
  });

  it('survives pathological input', async () => {
    const big = '[Service]\n' + 'ExecStart=/bin/true \\\n'.repeat(20000) + '\n';
    const facts = await analyzeSystemdFile('big.service', big);
    expect(facts.units!.length).toBe(1);
    const junk = await analyzeSystemdFile('junk.service', '\u0000\u0001[[[===\n\\\n');
    expect(junk.units!.length).toBe(1);
  });
});
