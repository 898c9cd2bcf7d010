/**
 * The YAML fast path (yaml-quick.ts) against the `yaml` library, which stays the reference: wherever the fast path
 * answers, its YValue trees (values, spans, key spans, entry order) must be the library's, and the library must
 * find no error in the text. FUZZ_RUNS=<n> multiplies the generated cases, FUZZ_SEED=<n> changes the seed.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { quickYValues } from '../../src/languages/ansible/yaml-quick.js';
import { parseYaml, parseYamlValues, toYValue } from '../../src/languages/ansible/yaml.js';
import type { YValue } from '../../src/languages/ansible/facts.js';

const ROOT = join(import.meta.dirname, '..', '..');
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);

type Plain = { value?: string; span: [number, number]; key?: [number, number]; items?: Plain[]; entries?: [string, Plain][] };

function plain(v: YValue): Plain {
  return {
    value: v.value,
    span: [v.span.start, v.span.end],
    key: v.keySpan ? [v.keySpan.start, v.keySpan.end] : undefined,
    items: v.items?.map(plain),
    entries: v.entries ? [...v.entries].map(([k, e]) => [k, plain(e)]) : undefined,
  };
}

function library(text: string): { roots: Plain[]; problems: number } {
  const p = parseYaml(text);
  return { roots: p.docs.map((d) => plain(toYValue(d.contents, text))), problems: p.problems.length };
}

/** The fast path's answer, checked against the library's; true when it answered. */
function agrees(text: string): boolean {
  const quick = quickYValues(text);
  if (!quick) return false;
  const lib = library(text);
  expect(lib.problems, `the library finds errors in text the fast path accepted: ${JSON.stringify(text)}`).toBe(0);
  expect(quick.map(plain), JSON.stringify(text)).toEqual(lib.roots);
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    if (n === 'node_modules' || n.startsWith('.')) return [];
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(n) ? [p] : [];
  });
}

describe('YAML fast path', () => {
  it('gives the library\'s trees for every YAML file of the project, and answers for most of them', () => {
    const files = ['corpus', 'rules', 'test'].flatMap((d) => yamlFiles(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(40);
    let answered = 0;
    for (const f of files) if (agrees(readFileSync(f, 'utf8'))) answered++;
    // The fast path is worth having only if the usual files take it (55 of 59 when this was written).
    expect(answered / files.length).toBeGreaterThan(0.85);
  });

  it.each([
    ['a task list with comments, a block scalar and a flow sequence', "---\n- name: x  # c\n  apt:\n    name: [a, 'b', \"c\"]\n  when: y\n\n# trailing\n- shell: |\n    echo hi\n\n  args:\n    k:\n- k:\n  - a\n  - b\n"],
    ['block scalars: clip, strip, keep, folded, at the end of the text', '- shell: |\n    echo\n\n- x: |+\n    echo\n\n- y: >-\n    echo\n    b\n\n    c\n- z: |\n    a'],
    ['folded at the end without a line break', 'k: >\n  a\n  b'],
    ['folded with more indented lines', 'k: >-\n  a\n   b\n  c\n\n   d\n\n\n  e\n  f\nz: >\n  x\n\n    y\n'],
    ['a literal with leading and inner empty lines and more-indented lines', 'k: |\n\n  a\n   b\n\n  c\n\n\nz: 1'],
    ['empty values, with and without comments', 'k:   # c\nj: 1\nl:  \nm:\n- n:\n  # x\n- -\n  - q:\n'],
    ['a sequence at its key\'s column', 'a:\n- x\n- y\nb: 2'],
    ['quoted keys and values with escapes', '"k": "a\\"b\\\\c\\n"\n\'j\': \'it\'\'s\'  # c\n'],
    ['empty flow sequences', 'a: [ ]\nb: []'],
    ['flow mappings of scalars', 'a: {}\nb: { }\nc: {x: 1, \'y\': "z", x: 2}  # c\nd:\n  - {name: nginx, state: started}\n'],
    ['flow sequences of words starting with a dash (cloud-init runcmd)', 'runcmd:\n  - [ systemctl, enable, --now, nginx ]\n  - [a, -b, ?c]\n'],
    ['documents', '# lead\n---\nmy key: v w  \n---\n---\n- a\n'],
    ['an empty text and a comment-only text', ''],
    ['a comment-only text', '# only\n'],
    ['comments a nested collection takes at its end', 'a:\n  b:\n    c: 1\n    # d\n  # e\n# f\ng: 1\nh:\n  - i: 1\n# x\n  # y\nj:\n  k:\n    l: 1\n  # m\n  n: 1\n'],
    ['comments after an empty value at the end of a collection', 'a:\n  b:\n  # c\n\n  # e\nd: 1\ne:\n  f:   # k\ng:\n  -\n  # c\nh: 1\n'],
    ['compact nested sequences and mappings', '- a: 1\n- [b, c]\n- - d\n  - e\n- - f: 1\n    g: 2\n'],
    ['plain scalars with # and flow characters inside', 'z: a#b # c\nk: b]\nu: http://x:80/y\n'],
    ['a duplicate key keeps the first value', 'a: 1\nb: 2\na: 3\n'],
    ['an indented top-level mapping', '  a: 1\n  b:\n    - c\n'],
    ['comment lines indented under a plain scalar', 'a:\n  c: 1 # x\n\n    # e\n    # f\n\n  # g\n      # h\n  d: 2\n    # i\nz:\n  - b\n    c\n      # j\n'],
    ['a command line continued by options (a workflow\'s run:)', 'run: npx eslint .\n  --config .eslintrc.js\n  --ext .js\nz: 1\n'],
    ['null words as flow mapping keys', 'a: {~: b, null: 1, NULL: ~}\n'],
    ['comments at column 0 after a sequence at its key\'s column', 'a:\n- c\n# c\n---\nb:\n- d: 1\n\n# f\n---\nx: 1\na:\n- c\n\n# c\n'],
    ['multi-line plain scalars', '- name: a long\n    task name\n  when: x and\n\n        y\n\n  z: ~\n- b\n  c\n'],
  ])('agrees with the library and answers: %s', (_, text) => {
    expect(agrees(text)).toBe(true);
  });

  it.each([
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!binary |\n  SGVsbG8=\n'],
    ['a nested flow collection', 'a: {b: [1]}\n'],
    ['a flow collection over two lines', 'a: {b: 1,\n  c: 2}\n'],
    ['a flow mapping with a merge key', 'a: {<<: b}\n'],
    ['a multi-line plain scalar with a comment after it', 'a: b  # c\n  d\n'],
    ['a continuation line that starts with an indicator', 'a: b\n  - c\n'],
    ['a multi-line quoted scalar', 'a: "b\n  c"\n'],
    ['a tab', 'a:\n\tb: 1\n'],
    ['carriage returns', 'a: 1\r\nb: 2\r\n'],
    ['a byte order mark', '\ufeffa: 1\n'],
    ['a directive', '%YAML 1.1\n---\na: 1\n'],
    ['a nested mapping on one line (an error)', 'a: b: c\n'],
    ['a bad indentation (an error)', 'a: 1\n  b: 2\n'],
    ['an explicit indentation indicator', 'a: |2\n   b\n'],
    ['a merge key', 'a:\n  <<: {}\n'],
    ['a scalar document', 'just text\n'],
    ['an unterminated quote', 'a: "b\n'],
    ['text after a document marker', '--- a\n'],
    ['an empty value, a comment, then a document marker', 'a:\n# c\n# d\n---\n'],
    ['a sequence at its key\'s column, last in its mapping, then an indented comment', 'a:\n- b: 1\n # c\n'],
  ])('leaves it to the library: %s', (_, text) => {
    expect(quickYValues(text)).toBeUndefined();
    // And the adapters' entry point still answers, from the library.
    expect(parseYamlValues(text).roots.length).toBeGreaterThan(0);
  });

  it('never scans past a line for a comment (a long file without comments stays linear)', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `k${i}: value ${i}`).join('\n');
    const t = performance.now();
    expect(quickYValues(text)?.[0]?.entries?.size).toBe(20_000);
    // A generous bound: quadratic scanning took seconds here; linear takes milliseconds.
    expect(performance.now() - t).toBeLessThan(2_000);
  });

  // Generated documents: nested mappings and sequences of every scalar style the fast path reads, with comment and
  // blank lines at any indentation, then mutated by a character here and there.
  const word = fc.stringMatching(/^[a-z][a-z0-9_.\/-]{0,6}$/);
  const scalar = fc.oneof(
    word,
    fc.constantFrom('~', 'null', '', 'yes', '0755', 'a b', 'x#y', 'u:v', '- z', 'a: b', '[a]', '{}', '&a', '*a', '!t'),
    word.map((w) => `'${w}''s'`),
    word.map((w) => `"${w}\\n\\"x"`),
    fc.array(fc.oneof(word, word.map((w) => `"${w}"`), fc.constantFrom('--now', '-x', '?q', '- y', '-', ':z', 'a:b')), { maxLength: 3 }).map((ws) => `[${ws.join(', ')}]`),
    fc.array(fc.tuple(fc.oneof(word, word.map((w) => `'${w}'`), fc.constantFrom('<<', 'a b', '~', 'null', 'NULL')), fc.oneof(word, word.map((w) => `"${w}"`), fc.constantFrom('', '[x]', '~'))), { maxLength: 3 }).map((es) => `{${es.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
    word.map((w) => `${w}\x01${w} x\x01\x01${w}`),
    word.map((w) => `${w}\x01- ${w}`),
    word.map((w) => `${w} .\x01--${w}\x01-x\x01?q\x01:z`),
    fc.tuple(word, fc.constantFrom('`', '[', ']', '{', '}', '&', '*', '!', '|', '>', '"', "'", '%', '@', ',', '-', '?', ':', '- ', '? ', ': ')).map(([w, c]) => `${w}\x01${c}${w}`),
  );
  const comment = fc.constantFrom('', '', '', '  # c', ' #c');
  type Tree = { kind: 'map' | 'seq'; items: { key: string; value: Tree | string; comment: string; before: string[] }[] } | string;
  const between = fc.array(fc.tuple(fc.nat({ max: 8 }), fc.constantFrom('', '# note')), { maxLength: 2 }).map((ls) => ls.map(([n, c]) => (c ? ' '.repeat(n) + c : '')));
  const block = fc.tuple(fc.constantFrom('|', '|-', '|+', '>', '>-'), fc.array(fc.oneof(word, fc.constant(''), word.map((w) => ` ${w}`)), { minLength: 1, maxLength: 4 }));
  const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
    t: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      fc.record({
        kind: fc.constantFrom('map' as const, 'seq' as const),
        items: fc.array(fc.record({ key: word, value: fc.oneof(tie('t'), block.map(([h, ls]) => `\0${h}\0${ls.join('\n')}`)), comment, before: between }), { minLength: 1, maxLength: 4 }),
      }),
    ),
  })).t;

  function render(t: Tree, indent: number, lines: string[], lead: string): void {
    const pad = ' '.repeat(indent);
    if (typeof t === 'string') {
      lines.push(`${lead}${t.replaceAll('\x01', `\n${pad}   `)}`);
      return;
    }
    t.items.forEach((item, n) => {
      for (const b of item.before) lines.push(b);
      const head = n === 0 && lead ? lead : pad;
      const prefix = t.kind === 'map' ? `${head}${item.key}:` : `${head}-`;
      const v = item.value;
      if (typeof v === 'string' && v.startsWith('\0')) {
        const [, header, body] = v.split('\0');
        lines.push(`${prefix} ${header}${item.comment}`);
        for (const l of body!.split('\n')) lines.push(l ? `${pad}  ${l}` : '');
      } else if (typeof v === 'string') lines.push(`${prefix} ${v.replaceAll('\x01', `\n${pad}   `)}${item.comment}`.replace(/ $/, ''));
      else if (t.kind === 'seq' && n % 2 === 0) render(v, indent + 2, lines, `${prefix} `);
      else {
        lines.push(`${prefix}${item.comment}`);
        // A sequence that is a mapping's value may sit at the key's column (`key:` then `- item`).
        render(v, t.kind === 'map' && v.kind === 'seq' && n % 3 === 1 ? indent : indent + 2, lines, '');
      }
    });
  }

  it('agrees with the library on generated and mutated documents', () => {
    let answered = 0;
    let total = 0;
    fc.assert(
      fc.property(tree, fc.array(fc.tuple(fc.nat(), fc.constantFrom('', ' ', '#', ':', '-', '\n', '|', '"', "'", '[')), { maxLength: 2 }), (t, edits) => {
        const lines: string[] = [];
        render(typeof t === 'string' ? { kind: 'map', items: [{ key: 'k', value: t, comment: '', before: [] }] } : t, 0, lines, '');
        let text = lines.join('\n') + '\n';
        for (const [at, c] of edits) {
          const i = at % (text.length + 1);
          text = c === '' ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + c + text.slice(i);
        }
        total++;
        if (agrees(text)) answered++;
      }),
      { numRuns: Math.max(1, Math.round(2000 * RUNS)), seed: SEED },
    );
    // The generator must reach the fast path, or this test checks nothing.
    expect(answered / total).toBeGreaterThan(0.3);
  });
});
