import type { Node as TSNode, Tree } from 'web-tree-sitter';

/**
 * A plain JavaScript copy of a tree-sitter tree, made in one cursor walk. Each access to a web-tree-sitter
 * `Node` (children, fields, text) crosses into WebAssembly and allocates; the shell model asks many such
 * questions per node, so it works on this copy instead: a scan spent four times longer walking nodes than
 * parsing. The API mirrors the subset of `Node` the model uses.
 */
/** The children and fields of every leaf: most nodes are leaves, and two arrays each were a third of the copy's allocations. */
const NONE: never[] = [];

export class SNode {
  children: SNode[] = NONE;
  /** Field name of each child (parallel to `children`). */
  fields: (string | null)[] = NONE;
  parent: SNode | null = null;
  hasError = false;
  private named?: SNode[];

  constructor(
    private readonly source: string,
    readonly id: number,
    readonly type: string,
    readonly startIndex: number,
    readonly endIndex: number,
    readonly isNamed: boolean,
    readonly isMissing: boolean,
  ) {}

  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }

  get isError(): boolean {
    return this.type === 'ERROR';
  }

  get namedChildren(): SNode[] {
    return (this.named ??= this.children.filter((c) => c.isNamed));
  }

  child(i: number): SNode | null {
    return this.children[i] ?? null;
  }

  childForFieldName(name: string): SNode | null {
    const i = this.fields.indexOf(name);
    return i >= 0 ? this.children[i]! : null;
  }

  childrenForFieldName(name: string): SNode[] {
    const out: SNode[] = [];
    for (let i = 0; i < this.children.length; i++) if (this.fields[i] === name) out.push(this.children[i]!);
    return out;
  }
}

/** Copy a tree, or the subtree under a node (the caller still owns the tree and must delete it). */
export function copyTree(from: Tree | TSNode, source: string): SNode {
  const cursor = from.walk();
  const lang = 'rootNode' in from ? from.language : from.tree.language;
  // Every cursor property is a call into WebAssembly: read only what varies per node (type id, offsets, field
  // id), derive the rest from per-type tables, and ask about MISSING nodes only when the tree has errors.
  const types = lang.types;
  const fields = lang.fields;
  let named = namedByLanguage.get(lang);
  if (!named) namedByLanguage.set(lang, (named = new Map()));
  const namedCache = named;
  const isNamed = (id: number) => {
    let v = namedCache.get(id);
    if (v === undefined) namedCache.set(id, (v = lang.nodeTypeIsNamed(id)));
    return v;
  };
  const errors = 'rootNode' in from ? from.rootNode.hasError : from.hasError;
  let ids = 0;
  const make = (): SNode => {
    const typeId = cursor.nodeTypeId;
    return new SNode(source, ids++, types[typeId] || 'ERROR', cursor.startIndex, cursor.endIndex, typeId === 65535 || isNamed(typeId), errors && cursor.nodeIsMissing);
  };
  try {
    const root = make();
    const stack: SNode[] = [root];
    // Iterative pre-order walk: deep trees must not overflow the JS stack.
    if (cursor.gotoFirstChild()) {
      for (;;) {
        const parent = stack[stack.length - 1]!;
        const node = make();
        node.parent = parent;
        if (parent.children === NONE) {
          parent.children = [];
          parent.fields = [];
        }
        parent.children.push(node);
        parent.fields.push(fields[cursor.currentFieldId] ?? null);
        if (cursor.gotoFirstChild()) {
          stack.push(node);
          continue;
        }
        if (errors) finish(node);
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) return errors ? finishAll(stack) : root;
          const done = stack.pop()!;
          if (errors) finish(done);
          if (stack.length === 0) return root;
        }
      }
    }
    if (errors) finish(root);
    return root;
  } finally {
    cursor.delete();
  }
}

const namedByLanguage = new WeakMap<object, Map<number, boolean>>();

/** hasError of a node whose children are final (only needed when the tree has errors: it is false everywhere else). */
function finish(n: SNode): void {
  n.hasError = n.isError || n.isMissing || n.children.some((c) => c.hasError);
}

function finishAll(stack: SNode[]): SNode {
  for (let i = stack.length - 1; i >= 0; i--) finish(stack[i]!);
  return stack[0]!;
}
