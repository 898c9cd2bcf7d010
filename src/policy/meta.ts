import type { RuleMeta } from '../core/rule.js';

/**
 * Findings the policy itself reports about suppression comments. They have rule ids like any rule, so the
 * config can change their severity or turn them off, and SARIF lists them in `tool.driver.rules`.
 */
export const POLICY_RULES: RuleMeta[] = [
  {
    id: 'suppression/missing-reason',
    title: 'An azl-migrate-ignore comment gives no reason',
    category: 'conventions',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 0,
  },
  {
    id: 'suppression/expired',
    title: 'An azl-migrate-ignore comment is past its until= date and no longer applies',
    category: 'conventions',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 0,
  },
  {
    id: 'suppression/invalid',
    title: 'An azl-migrate-ignore comment cannot be understood (no or unknown rule id, bad date)',
    category: 'conventions',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 0,
  },
];

export function isPolicyRule(id: string): boolean {
  return POLICY_RULES.some((r) => r.id === id);
}
