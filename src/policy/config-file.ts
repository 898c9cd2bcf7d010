import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import { SEVERITIES, type Severity } from '../core/types.js';
import { CONFIG_KEYS, ConfigError, RULE_OVERRIDE_KEYS, type Config, type FailOn, type RuleOverride } from './config.js';

/**
 * Reading `.azl-migrate.yaml` (config.ts has its types and checks). Its own module because it loads the YAML
 * parser, which a scan of a repository without a config file and without YAML files never needs.
 */
export function loadConfigFile(path: string): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read config file ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return parseConfig(text, path);
}

/** Parse and check a config text. `path` names the file in messages and anchors relative folders. */
export function parseConfig(text: string, path: string): Config {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false, version: '1.2' });
  const at = (node: Node | null | undefined) => {
    const r = node?.range;
    if (!r) return path;
    const p = lc.linePos(r[0]);
    return `${path}:${p.line}:${p.col}`;
  };
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const p = lc.linePos(e.pos[0]);
    throw new ConfigError(`${path}:${p.line}:${p.col}: ${e.message.split('\n')[0]}`);
  }
  const cfg: Config = { file: path };
  const base = dirname(resolve(path));
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === undefined))) return cfg;
  if (!isMap(root)) throw new ConfigError(`${at(root as Node)}: the config must be a mapping of keys (${CONFIG_KEYS.join(', ')})`);

  const str = (n: unknown, what: string): string => {
    if (isScalar(n) && typeof n.value === 'string' && n.value.trim() !== '') return n.value;
    throw new ConfigError(`${at(n as Node)}: ${what} must be a non-empty string`);
  };
  const strList = (n: unknown, what: string): string[] => {
    if (isScalar(n) && typeof n.value === 'string') return [str(n, what)];
    if (!isSeq(n)) throw new ConfigError(`${at(n as Node)}: ${what} must be a list of strings`);
    return n.items.map((i) => str(i, `each entry of ${what}`));
  };
  const bool = (n: unknown, what: string): boolean => {
    if (isScalar(n) && typeof n.value === 'boolean') return n.value;
    throw new ConfigError(`${at(n as Node)}: ${what} must be true or false`);
  };
  const severity = (n: unknown, what: string, extra: string[] = []): string => {
    const v = isScalar(n) ? n.value : undefined;
    if (typeof v === 'string' && ([...SEVERITIES, ...extra] as string[]).includes(v)) return v;
    throw new ConfigError(`${at(n as Node)}: ${what} must be one of ${[...SEVERITIES, ...extra].join(', ')}`);
  };

  for (const pair of root.items as Pair[]) {
    const keyNode = pair.key as Node;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const v = pair.value;
    switch (key) {
      case 'target':
        cfg.target = str(v, 'target');
        break;
      case 'include':
        cfg.include = strList(v, 'include');
        break;
      case 'exclude':
        cfg.exclude = strList(v, 'exclude');
        break;
      case 'rule-dirs':
        cfg.ruleDirs = strList(v, 'rule-dirs').map((d) => resolve(base, d));
        break;
      case 'fail-on':
        cfg.failOn = severity(v, 'fail-on', ['none']) as FailOn;
        break;
      case 'fail-on-blocker':
        cfg.failOnBlocker = bool(v, 'fail-on-blocker');
        break;
      case 'baseline':
        cfg.baseline = resolve(base, str(v, 'baseline'));
        break;
      case 'rules': {
        if (isScalar(v) && v.value === null) break;
        if (!isMap(v)) throw new ConfigError(`${at(v as Node)}: rules must map rule ids to off, a severity, or { severity, blocker }`);
        cfg.rules = {};
        cfg.ruleKeyAt = {};
        for (const rp of v.items as Pair[]) {
          const idNode = rp.key as Node;
          const id = isScalar(idNode) ? String(idNode.value) : '';
          cfg.ruleKeyAt[id] = at(idNode);
          const rv = rp.value;
          const what = `the setting of rule ${id}`;
          if (isScalar(rv) && (rv.value === 'off' || rv.value === false)) cfg.rules[id] = { off: true };
          else if (isScalar(rv)) cfg.rules[id] = { severity: severity(rv, `${what} (or off)`) as Severity };
          else if (isMap(rv)) {
            const o: RuleOverride = {};
            for (const op of rv.items as Pair[]) {
              const k = isScalar(op.key) ? String(op.key.value) : '';
              if (k === 'severity') o.severity = severity(op.value, `${id}: severity`) as Severity;
              else if (k === 'blocker') o.blocker = bool(op.value, `${id}: blocker`);
              else throw new ConfigError(`${at(op.key as Node)}: unknown key "${k}" in the settings of rule ${id} (known: ${RULE_OVERRIDE_KEYS.join(', ')})`);
            }
            cfg.rules[id] = o;
          } else throw new ConfigError(`${at(rv as Node)}: ${what} must be off, a severity, or { severity, blocker }`);
        }
        break;
      }
      default:
        throw new ConfigError(`${at(keyNode)}: unknown key "${key}" (known keys: ${CONFIG_KEYS.join(', ')})`);
    }
  }
  return cfg;
}
