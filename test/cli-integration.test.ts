import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../src/cli/run.js';

const ROOT = join(import.meta.dirname, '..');

async function scanHelp(): Promise<string> {
  let out = '';
  await run(['scan', '--help'], { stdout: (s) => (out += s), stderr: (s) => (out += s), cwd: ROOT });
  return out;
}

describe('GitHub Action (action.yml)', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { description: string; default?: string }>;
    runs: { using: string; steps: { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, string>; env?: Record<string, string> }[] };
  };
  const steps = action.runs.steps;

  it('passes inputs to scripts only through the environment (no expression injection)', () => {
    for (const s of steps) if (s.run) expect(s.run, s.name).not.toMatch(/\$\{\{/);
  });

  it('uses only options the CLI has', async () => {
    const help = await scanHelp();
    const script = steps.find((s) => s.name === 'Scan')!.run!;
    const flags = [...new Set(script.match(/--[a-z][a-z-]+/g))];
    expect(flags.length).toBeGreaterThan(5);
    for (const f of flags) expect(help, f).toContain(f);
  });

  it('uploads the SARIF file it wrote, even when the gate fails, and fails the job afterwards', () => {
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.if).toContain('always()');
    expect(upload.with!.sarif_file).toContain('inputs.sarif-file');
    expect(steps.findIndex((s) => s.name === 'Gate')).toBeGreaterThan(steps.indexOf(upload));
    expect(steps.find((s) => s.name === 'Scan')!.run).toContain('--format sarif --output "$AZL_SARIF"');
  });

  it('every input is used', () => {
    const text = JSON.stringify(steps);
    for (const name of Object.keys(action.inputs)) expect(text, name).toContain(`inputs.${name}`);
  });
});

describe('pre-commit hook', () => {
  it('runs the package bin with the scan command', () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; pass_filenames: boolean }[];
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(hooks).toHaveLength(1);
    const [bin, cmd] = hooks[0]!.entry.split(' ');
    expect(Object.keys(pkg.bin)).toContain(bin);
    expect(cmd).toBe('scan');
    expect(hooks[0]!.language).toBe('node');
    expect(hooks[0]!.pass_filenames).toBe(true);
  });
});
