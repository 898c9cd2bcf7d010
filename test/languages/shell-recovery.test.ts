import { describe, expect, it } from 'vitest';
import { analyzeShellFile } from '../../src/languages/shell/index.js';
import { MAX_SHELL_SYNTAX_PROBLEMS } from '../../src/languages/shell/model.js';

describe('shell parse-error recovery', () => {
  it('parses the lines after an error that swallowed them, gated as they were, and never offers fixes there', async () => {
    const t = ['#!/bin/sh', 'if [ "$ID" = debian ]; then', '  if [ a b c ]; then echo; fi', '  apt-get install -y jq', 'fi', 'x="${y%]}"', 'apt-get install -y curl', ''].join('\n');
    const f = await analyzeShellFile('s.sh', t);
    const apt = f.commands.filter((c) => c.name === 'apt-get');
    expect(apt.map((c) => f.source.position(c.span.start).line)).toEqual([4, 7]);
    expect(apt.every((c) => c.hasParseError)).toBe(true);
    expect(f.notes.length).toBeGreaterThan(0);
  });

  it('re-parses a bounded number of times, however many errors a file has', async () => {
    const t = ['#!/bin/sh', ...Array.from({ length: 400 }, (_, i) => `x${i}="\${y%]}"\napt-get install -y p${i}`), ''].join('\n');
    const f = await analyzeShellFile('s.sh', t);
    const units = new Set(f.commands.map((c) => c.unit.id));
    expect(units.size).toBeLessThanOrEqual(33);
    // The recoveries find the commands near the top; the rest of the file stays inside the last error.
    const lines = f.commands.filter((c) => c.name === 'apt-get').map((c) => f.source.position(c.span.start).line);
    expect(lines.slice(0, 3)).toEqual([3, 5, 7]);
    expect(Math.max(...lines)).toBeLessThan(100);
  });

  it('lists the first syntax errors of a file and counts the others in one note', async () => {
    const t = ['#!/bin/sh', ...Array.from({ length: 40 }, (_, i) => `x${i}="\${y%]}"\napt-get install -y p${i}`), ''].join('\n');
    const f = await analyzeShellFile('s.sh', t);
    const parse = f.notes.filter((n) => n.kind === 'parse');
    expect(parse).toHaveLength(MAX_SHELL_SYNTAX_PROBLEMS);
    expect(parse.slice(0, -1).every((n) => n.message.startsWith('shell syntax error ('))).toBe(true);
    expect(parse.at(-1)!.message).toMatch(/^shell syntax errors: \d+ more from this line on/);
    expect(parse.map((n) => n.line)).toEqual([...parse.map((n) => n.line)].sort((a, b) => a - b));
  });

  it('keeps the well-formed statements tree-sitter leaves inside an error, and notes the construct it failed on', async () => {
    // jenkinsci/docker's test helpers: backquoted comments in a pipeline make one ERROR of the rest of the file.
    const fns = Array.from({ length: 40 }, (_, i) => `function f${i} {\n    local x=$1\n    echo "$x"\n}\n`).join('\n');
    const t = ['#!/bin/bash', 'set -euo pipefail', '', fns, 'function targets {', "    sed -n '/x/p' Jenkinsfile `# retrieve` \\", "     | sort `# ensure sort`", '}', '', 'function setup {', '    apt-get install -y curl', '}', ''].join('\n');
    const f = await analyzeShellFile('s.sh', t);
    const apt = f.commands.filter((c) => c.name === 'apt-get');
    expect(apt.map((c) => f.source.position(c.span.start).line)).toEqual([t.split('\n').findIndex((l) => l.includes('apt-get')) + 1]);
    expect(apt[0]!.hasParseError).toBe(true);
    // The notes: where the ERROR starts, and the backquoted comment's line; not one per line re-parsed after it.
    const culprit = t.split('\n').findIndex((l) => l.includes('# ensure sort')) + 1;
    expect(f.notes.filter((n) => n.kind === 'parse').map((n) => n.line)).toEqual([2, culprit]);
    // Two parses (the file, and the stretch around the construct), where there were 17.
    expect(new Set(f.commands.map((c) => c.unit.id)).size).toBeLessThanOrEqual(2);
  });
});
