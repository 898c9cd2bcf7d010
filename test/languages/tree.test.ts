import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copiesDirectly, copyTree, type SNode } from '../../src/languages/tree.js';
import { parseWithin, treeSitterModule } from '../../src/languages/grammar.js';
import { shellParser } from '../../src/languages/shell/parser.js';
import { pythonParser } from '../../src/languages/python/index.js';

/** Everything a copy holds, without parent links (which would make the comparison circular). */
interface Plain {
  type: string;
  start: number;
  end: number;
  named: boolean;
  missing: boolean;
  error: boolean;
  fields: (string | null)[];
  children: Plain[];
}
const plain = (n: SNode): Plain => ({
  type: n.type,
  start: n.startIndex,
  end: n.endIndex,
  named: n.isNamed,
  missing: n.isMissing,
  error: n.hasError,
  fields: n.fields,
  children: n.children.map(plain),
});

function files(dir: string, ext: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) files(p, ext, out);
    else if (e.name.endsWith(ext)) out.push(p);
  }
  return out;
}

const SYNTHETIC = [
  '',
  'echo hi',
  // Errors and MISSING nodes: hasError and isMissing are computed only for such trees.
  'if true; then echo a',
  'echo "unterminated',
  'for x in; do',
  'case $x in a) echo ;; esac esac )))',
  // Deep nesting: the cursor's stack outgrows its first allocation and is reallocated during the walk.
  `${'$('.repeat(200)}echo${')'.repeat(200)}`,
  `${'{ '.repeat(150)}true${'; }'.repeat(150)}`,
  'a=1 b=( x y "z" ) c=$((1+2)) cmd --flag=${v:-d} <<EOF\nbody $x\nEOF\n',
];

describe('copyTree', () => {
  it('calls the cursor functions directly with the pinned web-tree-sitter', async () => {
    await shellParser();
    // If an upgrade drops the raw exports, copies fall back to the public cursor: correct, but twice as slow.
    expect(copiesDirectly()).toBe(true);
  });

  it('copies shell trees exactly as the public TreeCursor reads them', async () => {
    const parser = await shellParser();
    const texts = [...SYNTHETIC, ...[...files('corpus', '.sh'), ...files('rules', '.sh')].map((f) => readFileSync(f, 'utf8'))];
    expect(texts.length).toBeGreaterThan(100);
    let withErrors = 0;
    for (const text of texts) {
      const tree = parseWithin(parser, text)!;
      try {
        if (tree.rootNode.hasError) withErrors++;
        const fast = copyTree(tree, text);
        const slow = copyTree(tree, text, 'public');
        expect(plain(fast), text.slice(0, 80)).toEqual(plain(slow));
        // Subtrees too: the walk starts at a node, not at the root.
        const sub = tree.rootNode.namedChildren[0];
        if (sub) expect(plain(copyTree(sub, text))).toEqual(plain(copyTree(sub, text, 'public')));
      } finally {
        tree.delete();
      }
    }
    expect(withErrors).toBeGreaterThan(3);
  });

  it('frees each cursor with its final state, after the walk reallocated its stack', async () => {
    const parser = await shellParser();
    // web-tree-sitter calls the functions through the module object, so wrapping them there sees every call.
    const m = treeSitterModule as Record<string, (tree: number) => number>;
    const transfer = (m._ts_init as () => number)();
    const words = () => {
      const v = treeSitterModule.HEAP_DATA_VIEW as DataView;
      return [0, 1, 2, 3].map((i) => v.getInt32(transfer + 4 * i, true));
    };
    // The cursor's state after the last move, and at each delete the state freed and the last state then.
    let last: number[] = [];
    const deletes: { freed: number[]; last: number[] }[] = [];
    const originals = new Map<string, (tree: number) => number>();
    const wrap = (name: string, after: (r: number) => void) => {
      const f = m[name]!;
      originals.set(name, f);
      m[name] = (tree: number) => {
        if (name === '_ts_tree_cursor_delete_wasm') deletes.push({ freed: words(), last });
        const r = f(tree);
        after(r);
        return r;
      };
    };
    for (const k of ['_ts_tree_cursor_goto_first_child_wasm', '_ts_tree_cursor_goto_next_sibling_wasm', '_ts_tree_cursor_goto_parent_wasm']) wrap(k, () => (last = words()));
    wrap('_ts_tree_cursor_delete_wasm', () => {});
    const deep = SYNTHETIC[6]!;
    const tree = parseWithin(parser, deep)!;
    try {
      const expected = plain(copyTree(tree, deep, 'public'));
      for (let i = 0; i < 20; i++) expect(plain(copyTree(tree, deep))).toEqual(expected);
    } finally {
      for (const [k, f] of originals) m[k] = f;
      tree.delete();
    }
    expect(deletes).toHaveLength(21);
    for (const d of deletes) expect(d.freed).toEqual(d.last);
    // The walk went deep enough for the stack (5 entries at first) to be reallocated: its capacity, third word.
    expect(Math.min(...deletes.map((d) => d.last[2]!))).toBeGreaterThan(500);
    // The module still parses and copies correctly afterwards.
    const after = parseWithin(parser, SYNTHETIC[8]!)!;
    expect(plain(copyTree(after, SYNTHETIC[8]!))).toEqual(plain(copyTree(after, SYNTHETIC[8]!, 'public')));
    after.delete();
  });

  it('copies Python subtrees exactly as the public TreeCursor reads them', async () => {
    const parser = await pythonParser();
    const texts = [...files('corpus', '.py'), ...files('rules', '.py')].map((f) => readFileSync(f, 'utf8'));
    texts.push('import os, sys\nfrom a.b import (c,\n', 'subprocess.run(["apt-get", "install", "-y", x], check=True)\nif (:\n');
    for (const text of texts) {
      const tree = parser.parse(text)!;
      try {
        expect(plain(copyTree(tree, text))).toEqual(plain(copyTree(tree, text, 'public')));
        for (const n of tree.rootNode.namedChildren.slice(0, 5)) if (n) expect(plain(copyTree(n, text))).toEqual(plain(copyTree(n, text, 'public')));
      } finally {
        tree.delete();
      }
    }
  });
});
