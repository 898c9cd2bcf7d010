import { defineRule } from '../../../src/core/rule.js';
import type { Span } from '../../../src/core/source.js';
import { code } from '../../../src/rules/support/commands.js';
import { inLanguageImage } from '../../../src/rules/support/text.js';
import { pythonOf } from '../../../src/languages/python/index.js';

const SDK = new Set(['3.6', '3.9', '3.10', '3.11', '3.12', '3.13']);
const VERSIONED = /^(python|pip)(3\.\d+)$/;

export default defineRule({
  meta: {
    id: 'python/old-interpreter',
    title: 'Versioned Python interpreters other than 3.14 (python3.11, pip3.9, ...)',
    category: 'python',
    severity: 'warning',
    blocker: false,
    fixable: 'unsafe',
    effort: 1,
  },
  create(ctx) {
    const report = (span: Span, exact: boolean, name: string, ver: string, where: string) => {
      if (ver === '3.14') return;
      const sdk = SDK.has(ver);
      ctx.report({
        span,
        exact,
        severity: sdk ? 'warning' : 'error',
        blocker: !sdk,
        message: `${where} ${code(name)}: Azure Linux 4.0's Python is 3.14; ${sdk ? `python${ver} is only in the unsupported rpm-sdk channel` : `there is no python${ver} package`}.`,
        why: 'python3 is 3.14 on Azure Linux 4.0 (python3, python3-libs and python3-devel come from python3.14); python3.13/3.12/3.11/3.10/3.9/3.6 are rpm-sdk only ("built but unsupported"). Knowledge sheet §2 "Python" and §1 "Repositories and channels" [M:specs/p/python3.14/python3.14.spec; M:base/sdk lists; L:package-repositories].',
        action: `Run the code on ${code('python3')} (3.14): test it, then replace ${code(name)}; or ship the old interpreter in a container image.`,
        fix: exact ? { title: 'Use python3', safety: 'unsafe', edits: [{ span, text: name.startsWith('pip') ? 'pip3' : 'python3' }] } : undefined,
      });
    };
    return {
      command(cmd) {
        if (inLanguageImage(ctx.facts, cmd)) return; // python:3.x and similar images bring their own interpreter
        const m = VERSIONED.exec(cmd.base);
        if (!m) return;
        const n = cmd.nameWord;
        const at = n.exact && n.value ? n.text.lastIndexOf(cmd.base) : -1;
        report(at >= 0 ? { start: n.span.start + at, end: n.span.start + at + cmd.base.length } : n.span, at >= 0 && cmd.exact, cmd.base, m[2]!, 'The command');
      },
      end() {
        const sb = pythonOf(ctx.facts)?.shebang;
        const m = sb && /^#!\s*(?:\/usr)?(?:\/local)?\/bin\/(?:env\s+(?:-S\s+)?)?(python(3\.\d+))(?![\w.])/.exec(sb.text);
        if (!sb || !m) return;
        const at = sb.text.lastIndexOf(m[1]!, m[0].length);
        report({ start: sb.span.start + at, end: sb.span.start + at + m[1]!.length }, true, m[1]!, m[2]!, 'The shebang runs');
      },
    };
  },
});
