import type { SNode as Node } from '../tree.js';

/**
 * The literal value of a shell word when it has no expansions: quotes removed and escapes resolved.
 * undefined when the word depends on a variable, a command substitution or a glob we cannot know.
 */
export function staticValue(node: Node): string | undefined {
  switch (node.type) {
    case 'word':
    case 'command_name': {
      if (node.type === 'command_name') {
        const inner = node.namedChildren[0];
        return inner ? staticValue(inner) : undefined;
      }
      return unescapeBare(node.text);
    }
    case 'number':
      return node.text;
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'string': {
      let out = '';
      for (const c of node.namedChildren) {
        if (c.type === 'string_content') out += unescapeDouble(c.text);
        else return undefined;
      }
      return out;
    }
    case 'ansi_c_string': {
      const inner = node.text.slice(2, -1);
      return inner.includes('\\') ? undefined : inner;
    }
    case 'concatenation': {
      let out = '';
      for (const c of node.children) {
        const v = staticValue(c);
        if (v === undefined) return undefined;
        out += v;
      }
      return out;
    }
    default:
      return undefined;
  }
}

function unescapeBare(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\(\n|.)/g, (_m, c: string) => (c === '\n' ? '' : c));
}

function unescapeDouble(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\([$`"\\\n])/g, (_m, c: string) => (c === '\n' ? '' : c));
}

/** The variable a word expands to when it is exactly `$X`, `${X}`, `"$X"`, `${X,,}` or `${X^^}`. */
export function expandedVariable(node: Node): string | undefined {
  let n: Node | null = node;
  if (n.type === 'string' && n.namedChildren.length === 1) n = n.namedChildren[0]!;
  if (n.type === 'simple_expansion') return n.namedChildren[0]?.text;
  if (n.type === 'expansion') {
    const kids = n.namedChildren;
    const name = kids[0];
    if (!name || name.type !== 'variable_name') return undefined;
    const rest = n.text.slice(2 + name.text.length, -1);
    if (rest === '' || rest === ',,' || rest === '^^') return name.text;
  }
  return undefined;
}

/** The command substitution a word is exactly made of (`$(...)` or `"$(...)"`), if any. */
export function commandSubstitution(node: Node): Node | undefined {
  let n: Node | null = node;
  if (n.type === 'string' && n.namedChildren.length === 1) n = n.namedChildren[0]!;
  return n.type === 'command_substitution' ? n : undefined;
}
