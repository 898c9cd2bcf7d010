import { defineRule } from '../../../src/core/rule.js';
import type { Span } from '../../../src/core/source.js';
import { code } from '../../../src/rules/support/commands.js';
import { inLanguageImage } from '../../../src/rules/support/text.js';
import { pythonOf } from '../../../src/languages/python/index.js';

const WHY =
  'Azure Linux 4.0 has Python 3.14 as `python3`; `/usr/bin/python` comes from python-unversioned-command (rpm-base), which `python3` only *recommends*, and whether images include it is UNCONFIRMED; there is no Python 2 package at all. Knowledge sheet §2 "Python" [M:specs/p/python3.14/python3.14.spec; M:base.packages.toml].';

export default defineRule({
  meta: {
    id: 'python/unversioned',
    title: '`python` / `python2` commands and shebangs (Azure Linux 4.0 has only python3)',
    category: 'python',
    severity: 'warning',
    blocker: false,
    fixable: 'unsafe',
    unconfirmed: true,
    effort: 1,
  },
  create(ctx) {
    const report = (span: Span, exact: boolean, name: string, where: string) => {
      const two = /^python2/.test(name);
      ctx.report({
        span,
        exact,
        severity: two ? 'error' : 'warning',
        blocker: two,
        message: two
          ? `${where} ${code(name)}: there is no Python 2 on Azure Linux 4.0.`
          : `${where} ${code(name)}: Azure Linux 4.0 may not have ${code('/usr/bin/python')} (python-unversioned-command is optional); ${code('python3')} always exists.`,
        why: WHY,
        action: two ? 'Port the code to Python 3 and run it with `python3`.' : 'Use `python3` (or install python-unversioned-command explicitly).',
        fix: exact ? { title: 'Use python3', safety: 'unsafe', edits: [{ span, text: 'python3' }] } : undefined,
      });
    };
    return {
      command(cmd) {
        if (inLanguageImage(ctx.facts, cmd)) return; // python:3.x and similar images bring their own interpreter
        if (!/^python(2(\.7)?)?$/.test(cmd.base)) return;
        // A virtual environment's or a custom prefix's interpreter is not the system one.
        if (cmd.name.includes('/') && !/^(\/usr)?\/bin\//.test(cmd.name)) return;
        const n = cmd.nameWord;
        const at = n.exact && n.value ? n.text.lastIndexOf(cmd.base) : -1;
        report(at >= 0 ? { start: n.span.start + at, end: n.span.start + at + cmd.base.length } : n.span, at >= 0 && cmd.exact, cmd.base, 'The command');
      },
      end() {
        const sb = pythonOf(ctx.facts)?.shebang;
        if (!sb) return;
        const m = /^#!\s*(?:\/usr)?(?:\/local)?\/bin\/(?:env\s+(?:-S\s+)?)?(python(?:2(?:\.7)?)?)(?![\w.])/.exec(sb.text);
        if (!m) return;
        const at = sb.text.lastIndexOf(m[1]!, m[0].length);
        report({ start: sb.span.start + at, end: sb.span.start + at + m[1]!.length }, true, m[1]!, 'The shebang runs');
      },
    };
  },
});
