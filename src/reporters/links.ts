import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../knowledge/paths.js';

/**
 * Where the rule documentation lives, as a base URL that `rules/<id>/rule.md` resolves against:
 * 1. the AZL_MIGRATE_DOCS_URL environment variable (e.g. your fork's `https://…/blob/<tag>/`);
 * 2. else package.json `homepage` (set it when the package is published);
 * 3. else the installed package itself (a file: URL): the docs ship with azl-migrate, so the link always
 *    points at the text that matches this version, and no address is invented.
 */
function docsBase(): string {
  const env = process.env.AZL_MIGRATE_DOCS_URL;
  if (env) return env.endsWith('/') ? env : `${env}/`;
  try {
    const home = (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { homepage?: string }).homepage;
    if (home) return home.endsWith('/') ? home : `${home}/`;
  } catch {
    /* fall through */
  }
  return pathToFileURL(packageRoot() + '/').href;
}

export const DOCS_BASE_URL = docsBase();

/** Full URL of a finding's docs (`docsUrl` is relative to the package root, e.g. rules/pkgmgr/apt/rule.md). */
export function helpUri(docsUrl: string): string {
  return new URL(docsUrl, DOCS_BASE_URL).href;
}

