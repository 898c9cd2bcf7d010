import { execFileSync } from 'node:child_process';
import type { ScanFinding } from './model.js';

/** Per file (POSIX path relative to the scan root): the changed line numbers, or 'all' for a new file. */
export type ChangedLines = Map<string, Set<number> | 'all'>;

export class GitError extends Error {}

/** Undo git's C-style quoting of unusual path names ("a/t\303\251st"). */
export function unquoteGitPath(p: string): string {
  if (!p.startsWith('"')) return p;
  const body = p.slice(1, p.lastIndexOf('"'));
  const bytes: number[] = [];
  const esc: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') {
      const n = body[i + 1]!;
      if (/[0-7]/.test(n)) {
        bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
        i += 3;
      } else {
        bytes.push(esc[n] ?? n.charCodeAt(0));
        i += 1;
      }
    } else bytes.push(...Buffer.from(c, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * The added or modified lines of a `git diff --unified=0` patch, keyed by the new path with its `b/` prefix
 * removed. Deleted files and pure deletions contribute nothing. Pure.
 */
export function parseUnifiedDiff(patch: string): ChangedLines {
  const out: ChangedLines = new Map();
  let file: string | undefined;
  for (const line of patch.split('\n')) {
    if (line.startsWith('diff --git ')) {
      file = undefined;
      continue;
    }
    if (line.startsWith('+++ ')) {
      const p = line.slice(4).replace(/\t$/, '');
      if (p === '/dev/null') file = undefined;
      else {
        const u = unquoteGitPath(p);
        file = u.startsWith('b/') ? u.slice(2) : u;
        if (!out.has(file)) out.set(file, new Set());
      }
      continue;
    }
    const h = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (h && file !== undefined) {
      const start = Number(h[1]);
      const count = h[2] === undefined ? 1 : Number(h[2]);
      const set = out.get(file);
      if (set instanceof Set) for (let n = start; n < start + count; n++) set.add(n);
    }
  }
  return out;
}

/** Options that keep git from running anything the scanned repository configures (pagers, external diff, fsmonitor, textconv). */
const SAFE_GIT = ['-c', 'core.fsmonitor=false', '-c', 'core.pager=cat', '-c', 'core.quotePath=true', '-c', 'diff.external=', '-c', 'color.ui=false'];

function git(cwd: string, args: string[]): string {
  return execFileSync('git', [...SAFE_GIT, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_PAGER: 'cat', GIT_EXTERNAL_DIFF: '', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
  });
}

/**
 * Lines changed in the working tree of `root` since `ref`: `git diff --unified=0 <ref>` (tracked files,
 * committed or not) plus untracked, not ignored files as wholly new. Paths are relative to `root`.
 * Runs only the git binary, never anything from the repository. Throws GitError with a message for the user.
 */
export function gitChangedLines(root: string, ref: string): ChangedLines {
  if (ref.startsWith('-') || ref.trim() === '' || /[\0\n]/.test(ref)) throw new GitError(`--changed-since: "${ref}" is not a git ref`);
  try {
    git(root, ['rev-parse', '--is-inside-work-tree']);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new GitError('--changed-since needs git, and no git program was found on PATH');
    throw new GitError(`--changed-since needs a git repository, and ${root} is not inside one`);
  }
  try {
    git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  } catch {
    throw new GitError(`--changed-since: unknown git ref "${ref}" (fetch it first, e.g. git fetch origin ${ref}, or use a commit id)`);
  }
  const patch = git(root, ['diff', '--no-ext-diff', '--no-textconv', '--no-color', '--unified=0', '--relative', '--src-prefix=a/', '--dst-prefix=b/', ref, '--']);
  const changed = parseUnifiedDiff(patch);
  const untracked = git(root, ['ls-files', '-z', '--others', '--exclude-standard']);
  for (const f of untracked.split('\0').filter(Boolean)) changed.set(f, 'all');
  return changed;
}

/** Keep only findings with a line in the changed set of their file. Pure. */
export function filterToChanged<T extends Pick<ScanFinding, 'file' | 'line' | 'endLine'>>(findings: T[], changed: ChangedLines): T[] {
  return findings.filter((f) => {
    const c = changed.get(f.file);
    if (c === undefined) return false;
    if (c === 'all') return true;
    for (let n = f.line; n <= f.endLine; n++) if (c.has(n)) return true;
    return false;
  });
}
