import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

/**
 * Distro-reach vectors and detection branches must come in one array kind and one object shape, in interpreted
 * and in optimised code alike: code compiled for one kind is deoptimised and compiled again when it meets another
 * (bench/RESULTS.md, "Fewer deoptimisations"). V8's own checks (%HasHoleyElements, %HaveSameMap) need
 * --allow-natives-syntax, so this runs the sources in a child process (with the test TypeScript loader), first
 * interpreted, then with every vector function forced through TurboFan.
 */
describe('reach vectors and branches keep one shape', () => {
  it('vectors are packed arrays of small integers, before and after optimisation', () => {
    const script = `
      const c = await import(${JSON.stringify(join(ROOT, 'src/languages/shell/conditions.ts'))});
      const m = await import(${JSON.stringify(join(ROOT, 'src/languages/shell/model.ts'))});
      const make = () => {
        const a = c.allOf(c.T);
        const b = c.not(c.allOf(c.U));
        const p = c.perWorld((w) => (w.name === 'ubuntu' ? c.T : c.F));
        return [a, b, c.and(a, p), c.or(b, p), m.reachOf([{ construct: 1, reach: p }])];
      };
      const kinds = (vs) => vs.map((v) => (%HasHoleyElements(v) ? 'holey' : '') + (%HasSmiElements(v) ? 'smi' : 'other'));
      const out = { interpreted: kinds(make()) };
      for (const f of [c.allOf, c.not, c.and, c.or, c.perWorld, m.reachOf, make]) %PrepareFunctionForOptimization(f);
      for (let i = 0; i < 3; i++) make();
      for (const f of [c.allOf, c.not, c.and, c.or, c.perWorld, m.reachOf, make]) %OptimizeFunctionOnNextCall(f);
      out.optimised = kinds(make());
      const s = { start: 0, end: 1 };
      const plain = m.plainBranch(c.allOf(c.T), true, s);
      out.sameBranchShape = %HaveSameMap(plain, { reach: c.allOf(c.F), trivial: false, overridesDefault: true, exits: false, span: s });
      console.log(JSON.stringify(out));
    `;
    const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--import', join(ROOT, 'test/support/ts-loader.mjs'), '--input-type=module', '-e', script], { encoding: 'utf8' });
    const r = JSON.parse(out) as { interpreted: string[]; optimised: string[]; sameBranchShape: boolean };
    expect(r.interpreted).toEqual(Array(5).fill('smi'));
    expect(r.optimised).toEqual(Array(5).fill('smi'));
    expect(r.sameBranchShape).toBe(true);
  }, 30_000);
});
