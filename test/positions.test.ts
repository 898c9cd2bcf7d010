import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/core/types.js';
import { findingsFor } from './harness/cases.js';
import { allRules } from '../src/rules/index.js';

const at = (fs: Finding[], rule: string) => fs.filter((f) => f.ruleId === rule).map((f) => [f.line, f.column, f.endLine, f.endColumn, f.evidence]);

describe('a finding on embedded shell points at the exact word in the host file', () => {
  it('inside a multi-line RUN with continuations and a dropped comment line', async () => {
    const text = 'FROM x\nRUN set -e && \\\n    # note\n    echo hi && \\\n\tsudo apt-get install -y curl\n';
    expect(at(await findingsFor('Dockerfile', text, allRules()), 'pkgmgr/apt')).toEqual([[5, 7, 5, 22, 'apt-get install']]);
  });

  it('inside a heredoc, quoted with a space (`<< \'EOF\'`)', async () => {
    const text = "FROM x\nRUN << 'EOF' bash\n  set -e\n  yum erase -y nano\nEOF\n";
    expect(at(await findingsFor('Dockerfile', text, allRules()), 'pkgmgr/dnf5-syntax')).toEqual([[4, 7, 4, 12, 'erase']]);
  });

  it('in a CRLF Dockerfile with a backtick escape directive', async () => {
    const text = '# escape=`\r\nFROM x\r\nRUN echo a && `\r\n    apk add curl\r\n';
    expect(at(await findingsFor('Dockerfile', text, allRules()), 'pkgmgr/apk')).toEqual([[4, 5, 4, 12, 'apk add']]);
  });

  it('in JSON-form RUN', async () => {
    const text = 'FROM x\nRUN ["zypper", "in", "-y", "git"]\n';
    expect(at(await findingsFor('Dockerfile', text, allRules()), 'pkgmgr/zypper')).toEqual([[2, 6, 2, 20, '"zypper", "in"']]);
  });

  it('inside sh -c with escaped double quotes', async () => {
    const text = 'sh -c "echo \\"hi\\" && apt-get install -y x"\n';
    expect(at(await findingsFor('a.sh', text, allRules()), 'pkgmgr/apt')).toEqual([[1, 23, 1, 38, 'apt-get install']]);
  });

  it('in a shell script with a byte-order mark (columns do not count it)', async () => {
    const text = '\uFEFFapt-get update\n';
    expect(at(await findingsFor('a.sh', text, allRules()), 'pkgmgr/apt')).toEqual([[1, 1, 1, 15, 'apt-get update']]);
  });

  it('on non-ASCII lines (UTF-16 columns)', async () => {
    const text = 'echo "héllo 😀"; apk add curl\n';
    expect(at(await findingsFor('a.sh', text, allRules()), 'pkgmgr/apk')).toEqual([[1, 18, 1, 25, 'apk add']]);
  });

  it('in a heredoc fed to bash inside a shell script, and in $(...)', async () => {
    const text = 'ssh host bash <<EOF\nv=$(dpkg -l)\nEOF\n';
    // `ssh` is not a shell: its heredoc is data. A heredoc fed straight to bash is code.
    expect(at(await findingsFor('a.sh', text, allRules()), 'pkgmgr/dpkg')).toEqual([]);
    const code = 'bash <<EOF\nv=$(dpkg -l)\nEOF\n';
    expect(at(await findingsFor('a.sh', code, allRules()), 'pkgmgr/dpkg')).toEqual([[2, 5, 2, 12, 'dpkg -l']]);
  });
});

describe('fingerprints', () => {
  it('survive line shifts and differ between files and occurrences', async () => {
    const a = await findingsFor('a.sh', 'apt-get update\napt-get update\n', allRules());
    const b = await findingsFor('a.sh', '# new first line\n\napt-get update\napt-get update\n', allRules());
    const c = await findingsFor('b.sh', 'apt-get update\n', allRules());
    expect(a.map((f) => f.fingerprint)).toEqual(b.map((f) => f.fingerprint));
    expect(a[0]!.fingerprint).not.toBe(a[1]!.fingerprint);
    expect(c[0]!.fingerprint).not.toBe(a[0]!.fingerprint);
  });
});
