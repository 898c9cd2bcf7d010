import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import type { Parser as TSParser, Tree } from 'web-tree-sitter';

const require = createRequire(import.meta.url);
const parsers = new Map<string, Promise<TSParser>>();

/**
 * The Emscripten module object web-tree-sitter is initialised with. Emscripten adds the module's exports to the
 * object it is given (its documented `Module` behaviour), so after `Parser.init` this holds the raw tree-cursor
 * functions that tree.ts calls directly. Empty when web-tree-sitter was initialised by someone else first.
 */
export const treeSitterModule: Record<string, unknown> = {};

/**
 * A tree-sitter parser for a grammar's wasm (a module path such as 'tree-sitter-bash/tree-sitter-bash.wasm'),
 * loaded once, on first use.
 *
 * The grammars are WebAssembly. V8 first compiles wasm with its baseline compiler (Liftoff) and then
 * re-compiles hot code with TurboFan; for these large grammars that tier-up blocked the main thread for about a
 * second after the first parse, which dominates short scans and costs more than it gains on long ones
 * (bench/RESULTS.md). So wasm stays on the baseline compiler, for every caller (CLI, library, workers, tests):
 * the flag is set here, before the first grammar is compiled.
 */
export function grammarParser(wasm: string): Promise<TSParser> {
  let p = parsers.get(wasm);
  if (!p) {
    p = (async () => {
      setFlagsFromString('--liftoff-only');
      const { Parser, Language } = await import('web-tree-sitter');
      await Parser.init(treeSitterModule);
      const lang = await Language.load(require.resolve(wasm));
      const parser = new Parser();
      parser.setLanguage(lang);
      return parser;
    })();
    parsers.set(wasm, p);
  }
  return p;
}

/**
 * Parse with a time budget (tree-sitter's error recovery can take seconds on pathological input, such as thousands
 * of unclosed `${` or `$(`); undefined when the budget ran out. The caller must call tree.delete().
 */
export function parseWithin(parser: TSParser, text: string, budgetMs = 2000): Tree | undefined {
  const deadline = performance.now() + budgetMs;
  return parser.parse(text, null, { progressCallback: () => performance.now() > deadline }) ?? undefined;
}
