import type { Parser as TSParser, Tree } from 'web-tree-sitter';
import { grammarParser } from '../grammar.js';

/** The bash parser, loaded on first use only. */
export function shellParser(): Promise<TSParser> {
  return grammarParser('tree-sitter-bash/tree-sitter-bash.wasm');
}

/** Parse with a time budget; undefined when the budget ran out. The caller must call tree.delete(). */
export function parseShell(parser: TSParser, text: string, budgetMs = 2000): Tree | undefined {
  const deadline = performance.now() + budgetMs;
  const tree = parser.parse(text, null, { progressCallback: () => performance.now() > deadline });
  return tree ?? undefined;
}
