// Regenerates the rule tables in README.md and rules/README.md from rule metadata (run after `npm run build`).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/knowledge/paths.js';
import { allRules } from '../src/rules/index.js';
import { rulesTable, withRulesTable } from '../src/rules/docs.js';

const root = packageRoot();
const metas = allRules().map((r) => r.meta);
for (const [file, prefix] of [['README.md', 'rules/'], ['rules/README.md', '']] as const) {
  const path = join(root, file);
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Rules\n';
  writeFileSync(path, withRulesTable(doc, rulesTable(metas, prefix)));
}
