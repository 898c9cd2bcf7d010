import { afterEach, describe, expect, it, vi } from 'vitest';

// Records whether Ink (or the Ink facade) is ever loaded: a factory runs only when its module is imported.
const loaded = vi.hoisted(() => ({ ink: false, facade: false, rendered: 0 }));
vi.mock('ink', () => {
  loaded.ink = true;
  throw new Error('ink must not be imported on the plain path');
});
vi.mock('../../src/ui/render.js', () => {
  loaded.facade = true;
  return { runInteractive: async () => void loaded.rendered++ };
});

import { run, type Io } from '../../src/cli/run.js';
import { wantsInteractive, wantsProgress } from '../../src/ui/mode.js';
import { progressLine, progressText } from '../../src/ui/progress.js';
import { project } from '../support/project.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function cli(args: string[], extra: Partial<Io>) {
  const p = project({ 'a.sh': '#!/bin/sh\napt-get update\n', 'b/Dockerfile': 'FROM ubuntu:22.04\n' });
  cleanups.push(p.cleanup);
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: p.root, env: {}, ...extra });
  return { code, stdout, stderr };
}

const TTY = { stdin: true, stdout: true, stderr: true, columns: 60 };
// eslint-disable-next-line no-control-regex
const ANSI = /\u001B\[/;

describe('plain and interactive paths', () => {
  it('without a TTY (pipes), in CI, with NO_COLOR or with --format text, the plain report is written and Ink is never imported', async () => {
    for (const [args, extra] of [
      [['scan'], {}],
      [['scan'], { tty: { stdin: true, stdout: false, stderr: true } }],
      [['scan'], { tty: TTY, env: { CI: 'true' } }],
      [['scan'], { tty: TTY, env: { NO_COLOR: '1' } }],
      [['scan', '--format', 'text'], { tty: TTY }],
      [['scan', '-o', 'r.txt'], { tty: TTY }],
      [['scan', '--format', 'json'], { tty: TTY }],
    ] as [string[], Partial<Io>][]) {
      const r = await cli(args, extra);
      expect(r.code, args.join(' ')).toBe(1);
      if (args.length === 1) {
        expect(r.stdout).toMatch(/^a\.sh:2:1: error pkgmgr\/apt/m);
        expect(r.stdout).not.toMatch(ANSI);
      }
    }
    expect(loaded).toEqual({ ink: false, facade: false, rendered: 0 });
  });

  it('on a terminal, with no --format, not CI and colour on, the interactive report is loaded (and the exit code is the gate\'s)', async () => {
    const r = await cli(['scan'], { tty: TTY, env: { TERM: 'xterm-256color' } });
    expect(loaded.facade).toBe(true);
    expect(loaded.rendered).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1);
  });

  it('the rule, case by case', () => {
    const t = { stdin: true, stdout: true };
    expect(wantsInteractive(t, {}, false)).toBe(true);
    expect(wantsInteractive(t, { CI: '' }, false)).toBe(true);
    expect(wantsInteractive(t, { CI: 'false' }, false)).toBe(true);
    expect(wantsInteractive(t, { NO_COLOR: '' }, false)).toBe(true);
    expect(wantsInteractive(t, {}, true)).toBe(false);
    expect(wantsInteractive(t, { CI: '1' }, false)).toBe(false);
    expect(wantsInteractive(t, { GITHUB_ACTIONS: 'true' }, false)).toBe(false);
    expect(wantsInteractive(t, { TF_BUILD: 'True' }, false)).toBe(false);
    expect(wantsInteractive(t, { NO_COLOR: '1' }, false)).toBe(false);
    expect(wantsInteractive(t, { TERM: 'dumb' }, false)).toBe(false);
    expect(wantsInteractive(t, { AZL_MIGRATE_PLAIN: '1' }, false)).toBe(false);
    expect(wantsInteractive({ stdin: false, stdout: true }, {}, false)).toBe(false);
    expect(wantsInteractive({ stdin: true, stdout: false }, {}, false)).toBe(false);
    expect(wantsInteractive(undefined, {}, false)).toBe(false);
    expect(wantsProgress({ stderr: true }, {})).toBe(true);
    expect(wantsProgress({ stderr: true }, { CI: 'true' })).toBe(false);
    expect(wantsProgress({ stderr: false }, {})).toBe(false);
  });
});

describe('scan progress', () => {
  it('is written to stderr only when stderr is a TTY: files done / total and the current kind, then erased', async () => {
    const piped = await cli(['scan', '--format', 'json'], { tty: { stdin: true, stdout: true, stderr: false } });
    expect(piped.stderr).toBe('');
    const r = await cli(['scan', '--format', 'json'], { tty: TTY });
    expect(r.stderr).toContain('\razl-migrate: scanning 2/2 files (100%) · ');
    expect(r.stderr.endsWith(`\r${' '.repeat(59)}\r`)).toBe(true);
    expect(r.stderr).not.toMatch(ANSI);
    expect(JSON.parse(r.stdout).findings.length).toBeGreaterThan(0);
  });

  it('formats and throttles the line', () => {
    expect(progressText(3, 10, 'scripts/install.sh', 80)).toBe('azl-migrate: scanning 3/10 files (30%) · shell scripts/install.sh');
    expect(progressText(1, 2, 'very/long/path/to/a/Dockerfile', 56)).toBe('azl-migrate: scanning 1/2 files (50%) · dockerfile …ile');
    // While discovery goes on, the total found so far is a lower bound.
    expect(progressText(3, 10, 'scripts/install.sh', 80, true)).toBe('azl-migrate: scanning 3/10+ files · shell scripts/install.sh');
    const out: string[] = [];
    let t = 0;
    const p = progressLine((s) => out.push(s), { columns: 40, intervalMs: 100, now: () => t });
    p.update(1, 3, 'a.sh');
    t = 50;
    p.update(2, 3, 'b.sh'); // throttled
    p.update(3, 3, 'c.sh'); // the last one is always shown
    p.done();
    expect(out.map((s) => s.trim())).toEqual(['azl-migrate: scanning 1/3 files (33%) ·', 'azl-migrate: scanning 3/3 files (100%)', '']);
    expect(out[0]!.length).toBe(40);
  });
});
