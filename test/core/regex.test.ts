import { describe, expect, it } from 'vitest';
import { execAll } from '../../src/core/regex.js';

describe('execAll', () => {
  it('gives the same matches as matchAll, with indices', () => {
    const re = /a(\d)/dg;
    const s = 'a1 b a2 a3';
    const got = execAll(re, s).map((m) => [m[0], m[1], m.index, m.indices?.[1]]);
    const want = [...s.matchAll(/a(\d)/dg)].map((m) => [m[0], m[1], m.index, m.indices?.[1]]);
    expect(got).toEqual(want);
    expect(got).toHaveLength(3);
  });

  it('resets lastIndex, so a shared RegExp gives the same answer every time', () => {
    const re = /x/g;
    re.lastIndex = 5;
    expect(execAll(re, 'x x')).toHaveLength(2);
    expect(re.lastIndex).toBe(0);
    expect(execAll(re, 'x x')).toHaveLength(2);
  });

  it('advances past empty matches instead of looping', () => {
    expect(execAll(/y*/g, 'ab').map((m) => m.index)).toEqual([0, 1, 2]);
  });

  it('gives the first match only for a RegExp without the g flag', () => {
    expect(execAll(/\d/, 'a1b2').map((m) => m[0])).toEqual(['1']);
    expect(execAll(/\d/, 'ab')).toEqual([]);
  });
});
