import { describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { detached } from '../../src/core/strings.js';
import { evalWhen } from '../../src/languages/ansible/when.js';
import { resolveShipped } from '../../src/rules/support/packages.js';
import { globToRegExp } from '../../src/languages/shell/conditions.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Heap kept after `use` is given 64 pieces, each sliced from its own 1 MB "file" text (a V8 slice is a view of its
 * parent): about 64 MB if whatever `use` keeps holds the slices, little otherwise.
 */
function keptAfter(use: (piece: string, i: number) => void, piece: (i: number) => string): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const big = 'x'.repeat(1 << 20);
  for (let i = 0; i < 64; i++) {
    const text = `${big}${i}\n${piece(i)}\n`;
    const start = text.indexOf('\n') + 1;
    use(text.slice(start, text.indexOf('\n', start)), i);
  }
  gc();
  return process.memoryUsage().heapUsed - before;
}

const MB = 1 << 20;

describe('caches that outlive a file do not keep its text', () => {
  it('detached() gives the same characters without the parent string', () => {
    const kept: string[] = [];
    expect(keptAfter((p) => kept.push(detached(p)), (i) => `a piece of text number ${i}`)).toBeLessThan(16 * MB);
    expect(kept[7]).toBe('a piece of text number 7');
    // The check itself: keeping the slices as they are keeps the texts.
    const slices: string[] = [];
    expect(keptAfter((p) => slices.push(p), (i) => `a piece of text number ${i}`)).toBeGreaterThan(48 * MB);
    expect(slices).toHaveLength(64);
  });

  it('evalWhen (results kept by expression)', () => {
    expect(keptAfter((p) => evalWhen(p), (i) => `ansible_os_family == 'Debian' and ansible_distribution_major_version | int >= ${i}`)).toBeLessThan(16 * MB);
  });

  it('resolveShipped (package resolutions kept by name)', () => {
    expect(keptAfter((p) => resolveShipped(p, 'debian'), (i) => `libretained-test-package${i}-dev`)).toBeLessThan(16 * MB);
  });

  it('globToRegExp (compiled case patterns kept by pattern)', () => {
    expect(keptAfter((p) => globToRegExp(p), (i) => `*retained-test-distro-${i}*`)).toBeLessThan(16 * MB);
  });
});
