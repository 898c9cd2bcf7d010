/**
 * Where the rule documentation is published. This is the one place to change it.
 * PLACEHOLDER: the project has no published home yet (package.json has no `homepage`); confirm before release.
 */
export const DOCS_BASE_URL = 'https://github.com/azl-migrate/azl-migrate/blob/main/';

/** Full URL of a finding's docs (`docsUrl` is relative to the package root, e.g. rules/pkgmgr/apt/rule.md). */
export function helpUri(docsUrl: string): string {
  return new URL(docsUrl, DOCS_BASE_URL).href;
}

/** The docsUrl of a rule id: its rule.md, or the README section for the suppression/* ids. */
export function docsUrlOf(ruleId: string): string {
  return ruleId.startsWith('suppression/') ? 'README.md#inline-suppressions' : `rules/${ruleId}/rule.md`;
}
