import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import { argWords, matchesInWord } from '../../../src/rules/support/text.js';

const WHY =
  'Since glibc 2.41, dlopen() fails for libraries that need an executable stack (GNU_STACK missing or PF_X) instead of silently making the stack executable; Azure Linux 4.0 has glibc 2.42, where GLIBC_TUNABLES=glibc.rtld.execstack=2 restores the old behaviour. Old JNI and proprietary .so files are affected. Knowledge sheet §2 "glibc 2.42" [GN 2.41/2.42; glibc manual tunables.texi].';

export default defineRule({
  meta: {
    id: 'glibc/execstack',
    title: 'Libraries built or marked with an executable stack: dlopen() refuses them since glibc 2.41',
    category: 'glibc',
    severity: 'info',
    blocker: false,
    fixable: false,
    effort: 2,
  },
  create(ctx) {
    return {
      command(cmd) {
        if (cmd.base === 'execstack' && cmd.args.some((a) => a.value === '-s' || a.value === '--set-execstack')) {
          ctx.report({
            span: cmd.nameWord.span,
            exact: cmd.exact,
            severity: 'warning',
            message: `${code('execstack -s')} marks a library as needing an executable stack; glibc 2.42 refuses to dlopen() such libraries by default.`,
            why: WHY,
            action: 'Rebuild the library without an executable stack (`-Wl,-z,noexecstack`) or clear the flag (`execstack -c`); as a stopgap run the program with `GLIBC_TUNABLES=glibc.rtld.execstack=2`.',
          });
          return;
        }
        for (const w of argWords(cmd)) {
          for (const h of matchesInWord(w, /(?:-Wl,)?-z,?execstack\b|(?<![\w-])execstack(?=\s|$)/g)) {
            if (!/execstack/.test(h.m[0]) || !(/-z/.test(h.m[0]) || cmd.args[cmd.args.indexOf(w) - 1]?.value === '-z')) continue;
            ctx.report({
              span: h.span,
              exact: h.exact,
              message: `${code(h.m[0])} links with an executable stack; if the result is a shared library, glibc 2.42 refuses to dlopen() it.`,
              why: WHY,
              action: 'Link with `-z noexecstack`; fix the assembly sources that lack a `.note.GNU-stack` section.',
            });
          }
        }
      },
      assignment(a) {
        if (a.name === 'GLIBC_TUNABLES' && /glibc\.rtld\.execstack=2/.test(ctx.facts.source.slice(a.valueSpan))) {
          ctx.report({
            span: a.span,
            message: `${code('glibc.rtld.execstack=2')} re-allows executable-stack libraries process-wide; it is the documented workaround, keep it only until the library is rebuilt.`,
            why: WHY,
            action: 'Rebuild or replace the library that needs an executable stack, then remove the tunable.',
          });
        }
      },
    };
  },
});
