import { describe, expect, it } from 'vitest';
import { parseYaml, toYValue } from '../../src/languages/ansible/yaml.js';
import type { YValue } from '../../src/languages/ansible/facts.js';

function root(text: string): YValue {
  const p = parseYaml(text);
  expect(p.problems).toEqual([]);
  return toYValue(p.docs[0]!.contents, text);
}

describe('YAML values as the adapters see them', () => {
  it('scalars keep their text: numbers, booleans, octal modes and dates as written; plain nulls are empty', () => {
    const r = root('a: 0755\nb: yes\nc: 1e3\nd: 2001-12-14\ne: ~\nf: null\ng:\nh: "null"\ni: \'~\'\nj: NULL\n');
    const v = (k: string) => r.entries!.get(k)!.value;
    expect(['a', 'b', 'c', 'd'].map(v)).toEqual(['0755', 'yes', '1e3', '2001-12-14']);
    expect(['e', 'f', 'g', 'j'].map(v)).toEqual(['', '', '', '']);
    // Quoted, they are strings.
    expect(['h', 'i'].map(v)).toEqual(['null', '~']);
  });

  it('keys are their text: a workflow\'s `on:` is "on", not YAML 1.1\'s true', () => {
    const r = root('on:\n  push:\nyes: 1\n00: x\n');
    expect([...r.entries!.keys()]).toEqual(['on', 'yes', '00']);
  });

  it('a plain `<<` merge key is not an entry and its alias is not followed; a quoted one is a key', () => {
    const r = root('base: &b\n  x: 1\nuse:\n  <<: *b\n  y: 2\n"<<": z\n');
    expect([...r.entries!.get('use')!.entries!.keys()]).toEqual(['y']);
    expect(r.entries!.get('<<')!.value).toBe('z');
  });

  it('a !!binary scalar has no text value; other tags keep theirs', () => {
    const r = root('a: !!binary |\n  H4sIAAAAAAAA\nb: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\nc: !!int "12"\n');
    expect(r.entries!.get('a')!.value).toBeUndefined();
    expect(r.entries!.get('b')!.value).toBe('$ANSIBLE_VAULT;1.1;AES256\n');
    expect(r.entries!.get('c')!.value).toBe('12');
  });

  it('spans are the host text of each value and key', () => {
    const text = '- name: x\n  shell: |\n    apt-get install -y curl\n';
    const task = root(text).items![0]!;
    const shell = task.entries!.get('shell')!;
    expect(text.slice(shell.keySpan!.start, shell.keySpan!.end)).toBe('shell');
    expect(text.slice(shell.span.start, shell.span.end)).toBe('|\n    apt-get install -y curl\n');
  });
});
