import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/core/engine.js';
import { defineRule, type Rule, type RuleMeta } from '../../src/core/rule.js';
import { adapterFor } from '../../src/languages/registry.js';
import { loadTarget } from '../../src/knowledge/target.js';

const meta = (id: string): RuleMeta => ({ id, title: id, category: 'package-manager', severity: 'warning', blocker: false, fixable: false });
const said = { why: 'test', action: 'test' };

/** Reports every command, from the visitor. */
const everyCommand = defineRule({
  meta: meta('test/every-command'),
  create(ctx) {
    return {
      command(cmd) {
        ctx.report({ span: cmd.nameWord.span, message: `command ${cmd.base}`, ...said });
      },
    };
  },
});

/** Reports from create() (the first command) and from end() (the last one). */
const fromCreateAndEnd = defineRule({
  meta: meta('test/create-and-end'),
  create(ctx) {
    const cmds = ctx.facts.commands;
    ctx.report({ span: cmds[0]!.nameWord.span, message: 'first, from create', ...said });
    return {
      end() {
        ctx.report({ span: cmds[cmds.length - 1]!.nameWord.span, message: 'last, from end', ...said });
      },
    };
  },
});

/** Declares a key, so that the engine's one context per file is seen to pass declare() through too. */
const declares = defineRule({
  meta: meta('test/declares'),
  create(ctx) {
    return { end: () => ctx.declare('test-key') };
  },
});

async function run(rules: Rule[]) {
  const facts = await adapterFor('shell').analyze('x.sh', '#!/bin/sh\napt-get update\nyum install -y curl\n');
  const declared = new Set<string>();
  return { findings: runRules(facts, { rules, target: loadTarget('azurelinux-4.0'), declared }), declared };
}

describe('runRules', () => {
  it('credits every report to the rule that made it, whether from create(), a visitor or end()', async () => {
    const { findings, declared } = await run([everyCommand, fromCreateAndEnd, declares]);
    const got = findings.map((f) => [f.ruleId, f.message, f.line]);
    expect(got).toEqual([
      ['test/create-and-end', 'first, from create', 2],
      ['test/every-command', 'command apt-get', 2],
      ['test/create-and-end', 'last, from end', 3],
      ['test/every-command', 'command yum', 3],
    ]);
    expect([...declared]).toEqual(['test-key']);
  });

  it('gives a rule the same findings whatever rules run beside it', async () => {
    const alone = (await run([fromCreateAndEnd])).findings;
    const together = (await run([everyCommand, fromCreateAndEnd])).findings.filter((f) => f.ruleId === 'test/create-and-end');
    expect(together).toEqual(alone);
    expect(alone).toHaveLength(2);
  });
});
