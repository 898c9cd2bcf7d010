import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { defineRule, type Rule } from '../../src/core/rule.js';
import { scan, type ScanResult } from '../../src/scan.js';
import { applyPolicy, type PolicyOptions } from '../../src/policy/index.js';
import { allRules } from '../../src/rules/index.js';
import { POLICY_RULES } from '../../src/policy/meta.js';

/** A throw-away project folder with the given files (POSIX relative path -> text). */
export function project(files: Record<string, string>): { root: string; write: (rel: string, text: string) => void; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'azl-migrate-test-'));
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  for (const [rel, text] of Object.entries(files)) write(rel, text);
  return { root, write, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * A test rule with a safe fix: `apt-get` -> `dnf` on the command name, plus an unsafe suggestion that
 * rewrites the whole command. Used to check fix output end to end.
 */
export const FIXING_RULE: Rule = defineRule({
  meta: { id: 'test/apt-to-dnf', title: 'Test rule: apt-get becomes dnf', category: 'package-manager', severity: 'info', blocker: false, fixable: 'safe', effort: 1 },
  create(ctx) {
    return {
      command(cmd) {
        if (cmd.base !== 'apt-get') return;
        ctx.report({
          span: cmd.nameWord.span,
          exact: cmd.exact,
          message: 'apt-get becomes dnf.',
          why: 'test',
          action: 'use dnf',
          fix: { title: 'Replace apt-get with dnf', safety: 'safe', edits: [{ span: cmd.nameWord.span, text: 'dnf' }] },
          suggestions: [{ title: 'Rewrite the whole command', safety: 'unsafe', edits: [{ span: cmd.span, text: 'dnf install -y <packages>' }] }],
        });
      },
    };
  },
});

/** A test rule with fixed metadata (error, blocker, no fix) on apt-get/apt commands, so reporter tests do not move when shipped rules change. */
export const APT_RULE: Rule = defineRule({
  meta: { id: 'test/apt', title: 'Test rule: apt does not exist', category: 'package-manager', severity: 'error', blocker: true, fixable: false, effort: 2 },
  create(ctx) {
    return {
      command(cmd) {
        if (cmd.base !== 'apt-get' && cmd.base !== 'apt') return;
        ctx.report({ span: cmd.nameWord.span, exact: cmd.exact, message: `\`${cmd.base}\` does not exist on the target.`, why: 'test why', action: 'use dnf' });
      },
    };
  },
});

export const KNOWN_IDS = new Set([...allRules().map((r) => r.meta.id), ...POLICY_RULES.map((r) => r.id), FIXING_RULE.meta.id, APT_RULE.meta.id]);

/** Scan a folder and apply a policy. Rules: the test apt rule by default (stable metadata), or the given ones. */
export async function scanWithPolicy(root: string, policy: Partial<PolicyOptions> = {}, rules: Rule[] = [APT_RULE]): Promise<ScanResult> {
  const raw = await scan({ root, rules });
  return applyPolicy(raw, { knownRuleIds: KNOWN_IDS, now: new Date('2026-06-15T12:00:00Z'), ...policy }).result;
}
