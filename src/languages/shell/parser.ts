import type { Parser as TSParser } from 'web-tree-sitter';
import { grammarParser } from '../grammar.js';

/** The bash parser, loaded on first use only. */
export function shellParser(): Promise<TSParser> {
  return grammarParser('tree-sitter-bash/tree-sitter-bash.wasm');
}
