import type { ScanResult } from '../scan.js';
import type { ScanFinding } from '../policy/model.js';
import { visibleFindings } from './json.js';

/** XML 1.0 text: escapes markup and drops characters XML cannot hold (controls, lone surrogates). */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** For attribute values: also keeps line breaks and tabs (which attribute normalization would turn into spaces). */
const attr = (s: string) => xmlEscape(s).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');

/**
 * JUnit XML for CI test views (Azure Pipelines PublishTestResults, GitLab, Jenkins). One test suite per rule
 * with findings, one test case per finding: open findings fail, baselined ones (and suppressed ones when
 * shown) are skipped with the reason. A last suite has one passing case per scanned file without open
 * findings, so a clean run still reports tests.
 */
export function renderJunit(result: ScanResult): string {
  const shown = visibleFindings(result);
  const byRule = new Map<string, ScanFinding[]>();
  for (const f of shown) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const id of [...byRule.keys()].sort()) {
    const list = byRule.get(id)!;
    const fails = list.filter((f) => (f.status ?? 'open') === 'open').length;
    const skips = list.length - fails;
    tests += list.length;
    failures += fails;
    skipped += skips;
    const cases = list.map((f) => {
      const name = `${f.file}:${f.line}:${f.column}`;
      const status = f.status ?? 'open';
      const body =
        status === 'open'
          ? `      <failure message="${attr(f.message)}" type="${f.severity}">${xmlEscape(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.ruleId}${f.blocker ? ' [blocker]' : ''}\n${f.message}\nWhy: ${f.why}\nWhat to do: ${f.action}\nDocs: ${f.docsUrl}`)}</failure>\n`
          : status === 'baselined'
            ? `      <skipped message="accepted in the baseline: ${attr(f.message)}"/>\n`
            : `      <skipped message="suppressed: ${attr(f.suppression?.reason ?? 'no reason given')}"/>\n`;
      return `    <testcase classname="${attr(id)}" name="${attr(name)}" file="${attr(f.file)}" line="${f.line}">\n${body}    </testcase>\n`;
    });
    suites.push(`  <testsuite name="${attr(id)}" tests="${list.length}" failures="${fails}" errors="0" skipped="${skips}">\n${cases.join('')}  </testsuite>\n`);
  }
  const dirty = new Set(shown.filter((f) => (f.status ?? 'open') === 'open').map((f) => f.file));
  const clean = result.files.scanned.filter((s) => !dirty.has(s.file));
  if (clean.length || suites.length === 0) {
    tests += clean.length;
    const cases = clean.map((s) => `    <testcase classname="azl-migrate" name="${attr(s.file)}" file="${attr(s.file)}"/>\n`);
    suites.push(`  <testsuite name="azl-migrate: files without open findings" tests="${clean.length}" failures="0" errors="0" skipped="0">\n${cases.join('')}  </testsuite>\n`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="azl-migrate ${attr(result.target)}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">\n${suites.join('')}</testsuites>\n`;
}
