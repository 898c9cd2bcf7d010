import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { filterToChanged, gitChangedLines, parseUnifiedDiff, unquoteGitPath, GitError } from '../../src/policy/changed-lines.js';
import { project } from '../support/project.js';

describe('parseUnifiedDiff', () => {
  it('collects added and modified lines per new path; deletions add nothing', () => {
    const patch = [
      'diff --git a/a.sh b/a.sh',
      'index 1..2 100644',
      '--- a/a.sh',
      '+++ b/a.sh',
      '@@ -2 +2 @@',
      '-old',
      '+new',
      '@@ -10,0 +11,3 @@ fn',
      '+x',
      '+y',
      '+z',
      '@@ -20,2 +22,0 @@',
      '-gone',
      '-gone',
      'diff --git a/old.sh b/old.sh',
      'deleted file mode 100644',
      '--- a/old.sh',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
      'diff --git "a/t\\303\\251st dir/x.sh" "b/t\\303\\251st dir/x.sh"',
      '--- "a/t\\303\\251st dir/x.sh"',
      '+++ "b/t\\303\\251st dir/x.sh"',
      '@@ -0,0 +1 @@',
      '+new',
    ].join('\n');
    const c = parseUnifiedDiff(patch);
    expect([...c.keys()]).toEqual(['a.sh', 'tést dir/x.sh']);
    expect([...(c.get('a.sh') as Set<number>)]).toEqual([2, 11, 12, 13]);
    expect([...(c.get('tést dir/x.sh') as Set<number>)]).toEqual([1]);
  });

  it('unquotes git paths', () => {
    expect(unquoteGitPath('"b/a\\tb\\"c"')).toBe('b/a\tb"c');
    expect(unquoteGitPath('b/plain')).toBe('b/plain');
  });

  it('keeps findings with any line in the changed set of their own file', () => {
    const changed = new Map<string, Set<number> | 'all'>([
      ['a.sh', new Set([5])],
      ['new.sh', 'all'],
    ]);
    const fs = [
      { file: 'a.sh', line: 5, endLine: 5 },
      { file: 'a.sh', line: 3, endLine: 6 },
      { file: 'a.sh', line: 6, endLine: 6 },
      { file: 'b.sh', line: 5, endLine: 5 },
      { file: 'new.sh', line: 40, endLine: 40 },
    ];
    expect(filterToChanged(fs, changed)).toEqual([fs[0], fs[1], fs[4]]);
  });
});

describe('gitChangedLines', () => {
  const p = project({ 'sub/a.sh': '#!/bin/sh\napt-get update\necho one\n', 'b.sh': 'echo b\n' });
  afterAll(() => p.cleanup());
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: p.root, stdio: 'pipe' });

  it('explains when the folder is not a git repository', () => {
    expect(() => gitChangedLines(p.root, 'HEAD')).toThrow(GitError);
    expect(() => gitChangedLines(p.root, 'HEAD')).toThrow(/not inside one/);
  });

  it('lines changed since a ref, committed, uncommitted and untracked, relative to the scan root', () => {
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'one');
    git('tag', 'base');
    p.write('sub/a.sh', '#!/bin/sh\napt-get update\necho two\napt-get install -y jq\n');
    git('commit', '-q', '-am', 'two');
    p.write('b.sh', 'echo b\napt-get update\n');
    p.write('sub/new.sh', 'apt-get update\n');
    const c = gitChangedLines(p.root, 'base');
    expect([...(c.get('sub/a.sh') as Set<number>)]).toEqual([3, 4]);
    expect([...(c.get('b.sh') as Set<number>)]).toEqual([2]);
    expect(c.get('sub/new.sh')).toBe('all');
    const inSub = gitChangedLines(`${p.root}/sub`, 'base');
    expect([...inSub.keys()].sort()).toEqual(['a.sh', 'new.sh']);
  });

  it('rejects unknown refs and refs that look like options', () => {
    expect(() => gitChangedLines(p.root, 'no-such-branch')).toThrow(/unknown git ref "no-such-branch"/);
    expect(() => gitChangedLines(p.root, '--output=/tmp/x')).toThrow(/is not a git ref/);
  });
});
