// Renders the interactive (Ink) report of the sample corpus to PNG images for the README, through the same
// App component a terminal shows, and headless Chromium for the pixels.
//
//   npm run build && FORCE_COLOR=3 node docs/screenshots.mjs
//
// Writes docs/images/ink-report-list.png, docs/images/ink-report-detail.png and docs/ink-report-list.txt
// (the same list frame as plain text). Needs /usr/bin/chromium (Debian package chromium).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--liftoff-only');
if (!process.env.FORCE_COLOR) throw new Error('run with FORCE_COLOR=3 so that the frames carry colours');
const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const dist = (p) => join(repo, 'dist/src', p);

const React = (await import('react')).default;
const { render } = await import('ink-testing-library');
const { chromium } = await import('playwright-core');
const { loadProject, scanProject } = await import(dist('cli/scan-command.js'));
const { applyPolicy } = await import(dist('policy/index.js'));
const { createSession, fileKinds } = await import(dist('ui/session.js'));
const { visibleFindings } = await import(dist('reporters/json.js'));
const { App } = await import(dist('ui/app.js'));

const root = join(repo, 'corpus/ubuntu-webapp');
const io = { stdout: () => undefined, stderr: () => undefined, cwd: root, env: {} };
const project = await loadProject(root, undefined, io);
const scanned = await scanProject({ root, rel: ['.'] }, project, {});
const policy = { knownRuleIds: project.known, now: new Date(), showSuppressed: false };
const { result } = applyPolicy(scanned, policy);
const ctx = createSession({ result, root, rules: project.run, policy });
const ui = render(React.createElement(App, { findings: visibleFindings(result), kinds: fileKinds(result), target: result.target, filesScanned: result.files.scanned.length, ctx, height: 30 }));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const press = async (...keys) => {
  for (const k of keys) {
    ui.stdin.write(k);
    await sleep(40);
  }
};
await sleep(100);
// Group by rule, on the blocking apt findings.
await press('g', '\u001B[H', '\u001B[B');
const list = ui.lastFrame();
// The detail of a finding with a fix: search for one.
await press('/', ...'update-ca-certificates', '\r', '\r');
const detail = ui.lastFrame();
ui.unmount();

// eslint-disable-next-line no-control-regex
const strip = (s) => s.replace(/\u001B\[[0-9;]*m/g, '');
mkdirSync(join(here, 'images'), { recursive: true });
writeFileSync(join(here, 'ink-report-list.txt'), strip(list).replace(/[ \t]+$/gm, '') + '\n');

const PALETTE = { 30: '#3b4048', 31: '#f7768e', 32: '#9ece6a', 33: '#e0af68', 34: '#7aa2f7', 35: '#bb9af7', 36: '#7dcfff', 37: '#c0caf5', 90: '#737aa2', 91: '#ff7a93', 92: '#b9f27c', 93: '#ff9e64', 94: '#7da6ff', 95: '#bb9af7', 96: '#0db9d7', 97: '#ffffff' };
const FG = '#c0caf5';
const BG = '#1a1b26';
const esc = (s) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
function ansiToHtml(s) {
  let st = { fg: null, bold: false, dim: false, inverse: false };
  let out = '';
  for (const part of s.split(/(\u001B\[[0-9;]*m)/)) {
    const m = /^\u001B\[([0-9;]*)m$/.exec(part);
    if (m) {
      const codes = (m[1] || '0').split(';').map(Number);
      for (let i = 0; i < codes.length; i++) {
        const c = codes[i];
        if (c === 0) st = { fg: null, bold: false, dim: false, inverse: false };
        else if (c === 1) st.bold = true;
        else if (c === 2) st.dim = true;
        else if (c === 22) st.bold = st.dim = false;
        else if (c === 7) st.inverse = true;
        else if (c === 27) st.inverse = false;
        else if (c === 39) st.fg = null;
        else if (PALETTE[c]) st.fg = PALETTE[c];
        else if (c === 38 && codes[i + 1] === 5) i += 2;
        else if (c === 38 && codes[i + 1] === 2) i += 4;
      }
      continue;
    }
    if (!part) continue;
    const fg = st.fg ?? FG;
    const style = [`color:${st.inverse ? BG : fg}`, st.inverse ? `background:${fg}` : '', st.bold ? 'font-weight:700' : '', st.dim ? 'opacity:.6' : ''].filter(Boolean).join(';');
    out += `<span style="${style}">${esc(part)}</span>`;
  }
  return out;
}
const page = (frame) =>
  `<!doctype html><meta charset="utf-8"><style>body{margin:0;background:${BG}}pre{margin:0;padding:14px 16px;font:13px/1.35 "DejaVu Sans Mono",monospace;color:${FG};background:${BG};display:inline-block}</style><pre id="t">${ansiToHtml(frame)}</pre>`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
try {
  const p = await browser.newPage({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 1 });
  for (const [name, frame] of [
    ['ink-report-list', list],
    ['ink-report-detail', detail],
  ]) {
    await p.setContent(page(frame));
    await p.locator('#t').screenshot({ path: join(here, 'images', `${name}.png`) });
  }
} finally {
  await browser.close();
}
console.log('written: docs/images/ink-report-list.png, docs/images/ink-report-detail.png, docs/ink-report-list.txt');
