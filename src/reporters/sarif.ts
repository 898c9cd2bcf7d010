import { pathToFileURL } from 'node:url';
import type { RuleMeta } from '../core/rule.js';
import type { Fix, Severity } from '../core/types.js';
import type { ScanResult } from '../scan.js';
import type { Region, ScanFinding } from '../policy/model.js';
import { POLICY_RULES } from '../policy/meta.js';
import { docsUrl } from '../core/engine.js';
import { helpUri } from './links.js';

/** SARIF levels, mapped explicitly (never left to a consumer's default). */
export const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** The key of our stable fingerprint in `partialFingerprints`. */
export const FINGERPRINT_KEY = 'azlMigrate/v1';

export interface SarifOptions {
  /** Metadata of every rule that can appear (default: the scan's rules); the suppression/* rules are always added. */
  rules?: RuleMeta[];
  /** Rules that are not shipped (from rule-dirs): their helpUri comes from their own `help-uri` only. */
  customRuleIds?: string[];
}

const SRCROOT = '%SRCROOT%';

/** A relative POSIX path as a URI reference: each segment percent-encoded. */
export function pathToUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/**
 * SARIF 2.1.0 (validated against the OASIS schema in the tests). One run; `tool.driver.rules` holds every
 * rule that ran, each with `helpUri` and its default level; every result has an explicit `level`, its rule
 * index, `partialFingerprints` from the line-independent fingerprint, UTF-16 columns (declared in
 * `columnKind`), `fixes` for findings that carry them, and `suppressions` for inline-suppressed (inSource)
 * and baselined (external) findings, which stay in the log as accepted.
 */
export function renderSarif(result: ScanResult, opts: SarifOptions = {}): string {
  const metas = new Map<string, RuleMeta>();
  for (const m of [...(opts.rules ?? result.rules ?? []), ...POLICY_RULES]) if (!metas.has(m.id)) metas.set(m.id, m);
  for (const f of result.findings) {
    if (!metas.has(f.ruleId)) metas.set(f.ruleId, { id: f.ruleId, title: f.ruleId, category: f.category as RuleMeta['category'], severity: f.severity, blocker: f.blocker, fixable: false });
  }
  const ids = [...metas.keys()].sort();
  const custom = new Set(opts.customRuleIds ?? result.customRuleIds ?? []);
  const index = new Map(ids.map((id, i) => [id, i]));
  const rules = ids.map((id) => {
    const m = metas.get(id)! as RuleMeta & { helpUri?: string };
    const shipped = !custom.has(id);
    const uri = m.helpUri ?? (shipped ? helpUri(docsUrl(id)) : undefined);
    return {
      id,
      shortDescription: { text: m.title },
      ...(uri ? { helpUri: uri, help: { text: `${m.title}. Documentation: ${uri}`, markdown: `${m.title}. [Documentation](${uri})` } } : {}),
      defaultConfiguration: { level: SARIF_LEVEL[m.severity] },
      properties: {
        category: m.category,
        blocker: m.blocker,
        fixable: m.fixable,
        ...(m.effort !== undefined ? { effort: m.effort } : {}),
        tags: ['azl-migrate', m.category, ...(m.blocker ? ['blocker'] : [])],
      },
    };
  });
  const baselineUsed = result.policy?.baseline !== undefined;
  const results = result.findings.map((f) => sarifResult(f, index.get(f.ruleId)!, baselineUsed));
  const notes = result.notes.filter((n) => n.kind !== 'info');
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'azl-migrate',
            version: result.tool.version,
            semanticVersion: result.tool.version,
            informationUri: helpUri('README.md'),
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(result.root.endsWith('/') ? result.root : `${result.root}/`).href } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: notes.map((n) => ({
              level: 'warning',
              message: { text: n.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: pathToUri(n.file), uriBaseId: SRCROOT }, ...(n.line ? { region: { startLine: n.line, ...(n.column ? { startColumn: n.column } : {}) } } : {}) } }],
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
        properties: { target: result.target },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function sarifResult(f: ScanFinding, ruleIndex: number, baselineUsed: boolean) {
  const text = [f.message, f.why ? `Why: ${f.why}` : '', f.action ? `What to do: ${f.action}` : ''].filter(Boolean).join('\n');
  const status = f.status ?? 'open';
  const fixes = [
    ...(f.fix && f.regions?.fix ? [sarifFix(f.file, f.fix, f.regions.fix)] : []),
    ...(f.suggestions ?? []).flatMap((s, i) => {
      const r = f.regions?.suggestions?.[i];
      return r ? [sarifFix(f.file, s, r)] : [];
    }),
  ];
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: SARIF_LEVEL[f.severity],
    message: { text },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathToUri(f.file), uriBaseId: SRCROOT },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...(baselineUsed ? { baselineState: status === 'baselined' ? 'unchanged' : 'new' } : {}),
    ...(status === 'suppressed'
      ? { suppressions: [{ kind: 'inSource', status: 'accepted', ...(f.suppression?.reason ? { justification: f.suppression.reason } : {}) }] }
      : status === 'baselined'
        ? { suppressions: [{ kind: 'external', status: 'accepted', justification: 'accepted in the azl-migrate baseline file' }] }
        : {}),
    ...(fixes.length ? { fixes } : {}),
    properties: { blocker: f.blocker, category: f.category, status, evidence: f.evidence, ...(f.suppression?.until ? { suppressedUntil: f.suppression.until } : {}) },
  };
}

function sarifFix(file: string, fix: Fix, regions: Region[]) {
  return {
    description: { text: `${fix.title}${fix.safety === 'unsafe' ? ' (unsafe: review before applying)' : ''}` },
    artifactChanges: [
      {
        artifactLocation: { uri: pathToUri(file), uriBaseId: SRCROOT },
        replacements: fix.edits.map((e, i) => ({ deletedRegion: { ...regions[i]! }, insertedContent: { text: e.text } })),
      },
    ],
    properties: { safety: fix.safety },
  };
}
