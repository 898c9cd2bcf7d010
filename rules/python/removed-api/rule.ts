import { defineRule } from '../../../src/core/rule.js';
import type { Span } from '../../../src/core/source.js';
import { code } from '../../../src/rules/support/commands.js';
import { pythonOf } from '../../../src/languages/python/index.js';

/** module -> removed name -> replacement (Python 3.14 "Removed"). */
const REMOVED: Record<string, Record<string, string>> = {
  ast: Object.fromEntries(['Num', 'Str', 'Bytes', 'NameConstant', 'Ellipsis'].map((n) => [n, '`ast.Constant` (check `isinstance(node, ast.Constant)` and `type(node.value)`)'])),
  'collections.abc': { ByteString: '`collections.abc.Buffer` or `(bytes, bytearray)`' },
  asyncio: Object.fromEntries(
    ['get_child_watcher', 'set_child_watcher', 'AbstractChildWatcher', 'SafeChildWatcher', 'FastChildWatcher', 'ThreadedChildWatcher', 'PidfdChildWatcher', 'MultiLoopChildWatcher'].map((n) => [n, 'nothing: asyncio manages child processes itself; remove the watcher setup']),
  ),
  'importlib.abc': { ResourceReader: '`importlib.resources.abc.TraversableResources`', Traversable: '`importlib.resources.abc.Traversable`', TraversableResources: '`importlib.resources.abc.TraversableResources`' },
};

export default defineRule({
  meta: {
    id: 'python/removed-api',
    title: 'Standard-library APIs removed in Python 3.14 (ast.Num, asyncio child watchers, ByteString, ...)',
    category: 'python',
    severity: 'error',
    blocker: false,
    fixable: false,
    kinds: ['python'],
    effort: 1,
  },
  create(ctx) {
    const report = (span: Span, mod: string, name: string) =>
      ctx.report({
        span,
        message: `${code(`${mod}.${name}`)} was removed in Python 3.14; on Azure Linux 4.0 this raises AttributeError or ImportError.`,
        why: 'Azure Linux 4.0\'s python3 is 3.14; 3.14 removed ast.Num/Str/Bytes/NameConstant/Ellipsis, asyncio child watchers, collections.abc.ByteString and importlib.abc ResourceReader/Traversable. Knowledge sheet §2 "Python" [M:base.packages.toml; PY3.14].',
        action: `Use ${REMOVED[mod]![name]}.`,
        evidence: `${mod}.${name}`,
      });
    return {
      end() {
        const py = pythonOf(ctx.facts);
        if (!py) return;
        const imported = new Set(py.imports.filter((i) => i.kind === 'import').map((i) => i.module));
        for (const a of py.attributes) {
          const dot = a.text.lastIndexOf('.');
          const mod = a.text.slice(0, dot);
          const name = a.text.slice(dot + 1);
          if (REMOVED[mod]?.[name] && imported.has(mod)) report({ start: a.span.end - name.length, end: a.span.end }, mod, name);
        }
        for (const i of py.imports) {
          if (i.kind !== 'from' || !REMOVED[i.module]) continue;
          for (const n of i.names) if (REMOVED[i.module]![n.name]) report(n.span, i.module, n.name);
        }
      },
    };
  },
});
