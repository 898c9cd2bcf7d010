import { createRequire } from 'node:module';
import type { Parser as TSParser, Tree } from 'web-tree-sitter';

const require = createRequire(import.meta.url);
let parserPromise: Promise<TSParser> | undefined;

/** The bash parser, loaded on first use only (web-tree-sitter's wasm costs ~30 ms and some MB to start). */
export function shellParser(): Promise<TSParser> {
  parserPromise ??= (async () => {
    const { Parser, Language } = await import('web-tree-sitter');
    await Parser.init();
    const lang = await Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
    const parser = new Parser();
    parser.setLanguage(lang);
    return parser;
  })();
  return parserPromise;
}

/** Parse with a time budget; undefined when the budget ran out. The caller must call tree.delete(). */
export function parseShell(parser: TSParser, text: string, budgetMs = 2000): Tree | undefined {
  const deadline = performance.now() + budgetMs;
  const tree = parser.parse(text, null, { progressCallback: () => performance.now() > deadline });
  return tree ?? undefined;
}
