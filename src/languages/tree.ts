import type { Node as TSNode, Parser as TSParser, Tree, TreeCursor } from 'web-tree-sitter';
import { parseWithin, treeSitterModule } from './grammar.js';

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

/**
 * How the copy reads the tree: the node under the cursor and the moves it makes. Two implementations: web-tree-sitter's
 * public TreeCursor, and the same WebAssembly functions called directly (see `directCursor`).
 */
interface Walker {
  typeId(): number;
  start(): number;
  end(): number;
  fieldId(): number;
  missing(): boolean;
  firstChild(): boolean;
  nextSibling(): boolean;
  parent(): boolean;
  /** Free the cursor. */
  done(): void;
}

/** web-tree-sitter's TreeCursor: every property and move copies the cursor's four words into WebAssembly memory and back. */
function publicCursor(cursor: TreeCursor): Walker {
  return {
    typeId: () => cursor.nodeTypeId,
    start: () => cursor.startIndex,
    end: () => cursor.endIndex,
    fieldId: () => cursor.currentFieldId,
    missing: () => cursor.nodeIsMissing,
    firstChild: () => cursor.gotoFirstChild(),
    nextSibling: () => cursor.gotoNextSibling(),
    parent: () => cursor.gotoParent(),
    done: () => cursor.delete(),
  };
}

/** The raw cursor functions of web-tree-sitter's WebAssembly module, as its TreeCursor calls them. */
interface CursorExports {
  _ts_init(): number;
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
  _ts_tree_cursor_current_field_id_wasm(tree: number): number;
  _ts_tree_cursor_current_node_is_missing_wasm(tree: number): number;
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
  HEAP_DATA_VIEW: DataView;
}

const CURSOR_EXPORTS = [
  '_ts_init',
  '_ts_tree_cursor_current_node_type_id_wasm',
  '_ts_tree_cursor_start_index_wasm',
  '_ts_tree_cursor_end_index_wasm',
  '_ts_tree_cursor_current_field_id_wasm',
  '_ts_tree_cursor_current_node_is_missing_wasm',
  '_ts_tree_cursor_goto_first_child_wasm',
  '_ts_tree_cursor_goto_next_sibling_wasm',
  '_ts_tree_cursor_goto_parent_wasm',
] as const;

let direct: { m: CursorExports; transfer: number } | undefined;

/**
 * The module's cursor functions when web-tree-sitter was initialised by grammar.ts (which hands it the object
 * Emscripten fills with the exports) and has them all; otherwise undefined, and copies use the public cursor.
 */
function cursorExports(): { m: CursorExports; transfer: number } | undefined {
  if (direct) return direct;
  const m = treeSitterModule;
  if (!CURSOR_EXPORTS.every((k) => typeof m[k] === 'function') || !(m.HEAP_DATA_VIEW instanceof DataView)) return undefined;
  const e = m as unknown as CursorExports;
  // _ts_init only writes two version numbers into the transfer buffer and returns its address.
  direct = { m: e, transfer: e._ts_init() };
  return direct;
}

/** The four words of cursor state a TreeCursor keeps (web-tree-sitter's marshalTreeCursor / unmarshalTreeCursor). */
type CursorWords = Record<0 | 1 | 2 | 3, number> & { tree: Record<0, number> };
const WORDS = [0, 1, 2, 3] as const;

/**
 * The tree-cursor functions called directly. Each of web-tree-sitter's TreeCursor properties copies the cursor's
 * state (four words) into the module's transfer buffer, calls the function, and for moves copies it back out:
 * eight generic memory accesses around every call, more than half of a copy's time. The state is put into the
 * transfer buffer once and left there: the move functions update it in place, the others only read it, and
 * nothing else uses the buffer while a copy runs (the walk calls no other web-tree-sitter function). At the end
 * the state is copied back into the TreeCursor (the cursor's stack may have been reallocated) and the public
 * delete frees it. test/languages/tree.test.ts checks that both ways give identical copies.
 */
function directCursor(cursor: TreeCursor, x: { m: CursorExports; transfer: number }): Walker {
  const { m, transfer } = x;
  const c = cursor as unknown as CursorWords;
  const tree = c.tree[0];
  // The view is read at each use: it is replaced when WebAssembly memory grows.
  for (const k of WORDS) m.HEAP_DATA_VIEW.setInt32(transfer + 4 * k, c[k], true);
  return {
    typeId: () => m._ts_tree_cursor_current_node_type_id_wasm(tree),
    start: () => m._ts_tree_cursor_start_index_wasm(tree),
    end: () => m._ts_tree_cursor_end_index_wasm(tree),
    fieldId: () => m._ts_tree_cursor_current_field_id_wasm(tree),
    missing: () => m._ts_tree_cursor_current_node_is_missing_wasm(tree) === 1,
    firstChild: () => m._ts_tree_cursor_goto_first_child_wasm(tree) === 1,
    nextSibling: () => m._ts_tree_cursor_goto_next_sibling_wasm(tree) === 1,
    parent: () => m._ts_tree_cursor_goto_parent_wasm(tree) === 1,
    done: () => {
      for (const k of WORDS) c[k] = m.HEAP_DATA_VIEW.getInt32(transfer + 4 * k, true);
      cursor.delete();
    },
  };
}

/** Whether copies call the cursor functions directly (false: through web-tree-sitter's TreeCursor). For tests. */
export function copiesDirectly(): boolean {
  return cursorExports() !== undefined;
}

/** Copy a tree, or the subtree under a node (the caller still owns the tree and must delete it). */
export function copyTree(from: Tree | TSNode, source: string, how: 'auto' | 'public' = 'auto'): SNode {
  const lang = 'rootNode' in from ? from.language : from.tree.language;
  // Read only what varies per node (type id, offsets, field id), derive the rest from per-type tables, and ask
  // about MISSING nodes only when the tree has errors. Computed before the walk starts: see directCursor.
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
  const x = how === 'auto' ? cursorExports() : undefined;
  const cursor = from.walk();
  const w = x ? directCursor(cursor, x) : publicCursor(cursor);
  // isNamed may call into WebAssembly during the walk: nodeTypeIsNamed passes its arguments by value and leaves
  // the transfer buffer alone.
  let ids = 0;
  const make = (): SNode => {
    const typeId = w.typeId();
    return new SNode(source, ids++, types[typeId] || 'ERROR', w.start(), w.end(), typeId === 65535 || isNamed(typeId), errors && w.missing());
  };
  try {
    const root = make();
    const stack: SNode[] = [root];
    // Iterative pre-order walk: deep trees must not overflow the JS stack.
    if (w.firstChild()) {
      for (;;) {
        const parent = stack[stack.length - 1]!;
        const node = make();
        node.parent = parent;
        if (parent.children === NONE) {
          parent.children = [];
          parent.fields = [];
        }
        parent.children.push(node);
        parent.fields.push(fields[w.fieldId()] ?? null);
        if (w.firstChild()) {
          stack.push(node);
          continue;
        }
        if (errors) finish(node);
        while (!w.nextSibling()) {
          if (!w.parent()) return errors ? finishAll(stack) : root;
          const done = stack.pop()!;
          if (errors) finish(done);
          if (stack.length === 0) return root;
        }
      }
    }
    if (errors) finish(root);
    return root;
  } finally {
    w.done();
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

/**
 * Parse `text` within a time budget (parseWithin) and return the plain copy of its tree, the tree-sitter tree freed:
 * undefined when the budget ran out. Adapters read nodes many times over, and each access to a web-tree-sitter `Node`
 * crosses into WebAssembly and allocates; one walk for the copy costs less, and nothing can use a node after its
 * tree is freed.
 */
export function parseCopy(parser: TSParser, text: string, budgetMs?: number): SNode | undefined {
  const tree = parseWithin(parser, text, budgetMs);
  if (!tree) return undefined;
  try {
    return copyTree(tree, text);
  } finally {
    tree.delete();
  }
}
