import type { Rule } from '../core/rule.js';
import { RULES } from './registry.generated.js';
import { UsageError } from '../knowledge/target.js';

export function allRules(): Rule[] {
  return RULES;
}

export function findRule(id: string): Rule {
  const r = RULES.find((x) => x.meta.id === id);
  if (!r) throw new UsageError(`unknown rule "${id}" (see: azl-migrate rules)`);
  return r;
}
