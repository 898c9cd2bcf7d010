import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { run } from '../src/cli/run.js';
import { project } from './support/project.js';

/**
 * The readiness report in a real browser: Debian's chromium (installed by .ci/run) driven by playwright-core.
 * Skipped, with the reason, only where /usr/bin/chromium is missing.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const HOSTILE_NAME = '<img src=x onerror=alert(1)>.sh';
const HOSTILE_TEXT = '</script><script>alert(1)</script>';

const missing = !existsSync(CHROMIUM);
if (missing) console.warn(`report-browser.test.ts skipped: ${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it)`);

let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(missing)(`HTML readiness report in headless Chromium (${CHROMIUM})`, () => {
  it('renders without console errors or dialogs, shows hostile file names and contents as text, and is screenshotted', async () => {
    const p = project({
      [HOSTILE_NAME]: `#!/bin/sh\n# ${HOSTILE_TEXT}\napt-get install -y "${HOSTILE_TEXT}"\n`,
      'Dockerfile': 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y curl\n',
    });
    // Kept after the run (one folder, overwritten each time) so that the screenshot can be looked at.
    const out = join(tmpdir(), 'azl-migrate-report-browser');
    mkdirSync(out, { recursive: true });
    try {
      let stderr = '';
      const code = await run(['report', '.', '-o', join(out, 'report.html'), '--name', `repo ${HOSTILE_TEXT}`], { stdout: () => undefined, stderr: (s) => (stderr += s), cwd: p.root, env: {}, now: new Date('2026-06-15T12:00:00Z') });
      expect(code, stderr).toBe(0);
      const html = readFileSync(join(out, 'report.html'), 'utf8');
      expect(html).toContain(HOSTILE_NAME.replace(/</g, '&lt;').replace(/>/g, '&gt;'));

      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const errors: string[] = [];
      const dialogs: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(pathToFileURL(join(out, 'report.html')).href, { waitUntil: 'load' });
      expect(await page.title()).toBe('Azure Linux 4.0 migration readiness');
      expect(await page.locator('h1').innerText()).toBe('Azure Linux 4.0 migration readiness');
      const text = await page.evaluate(() => document.body.innerText);
      expect(text).toContain(HOSTILE_NAME);
      expect(text).toContain(HOSTILE_TEXT);
      expect(text).toContain(`repo ${HOSTILE_TEXT}`);
      expect(text).toMatch(/Blockers/);
      // Nothing the files said became markup: no script or img elements, no event handler attributes.
      expect(await page.evaluate(() => document.querySelectorAll('script, img, iframe, object').length)).toBe(0);
      expect(await page.evaluate(() => [...document.querySelectorAll('*')].some((e) => [...e.attributes].some((a) => a.name.startsWith('on'))))).toBe(false);
      // The charts rendered as inline SVG.
      expect(await page.locator('svg').count()).toBeGreaterThan(1);
      const shot = join(out, 'report.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(readFileSync(shot).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(statSync(shot).size).toBeGreaterThan(10_000);
      expect(errors).toEqual([]);
      expect(dialogs).toEqual([]);
      console.log(`report-browser.test.ts: screenshot at ${shot}`);
    } finally {
      p.cleanup();
    }
  }, 60_000);
});
