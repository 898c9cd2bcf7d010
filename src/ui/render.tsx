import { render } from 'ink';
import type { ScanResult } from '../scan.js';
import { visibleFindings } from '../reporters/json.js';
import { App } from './app.js';
import { fileKinds, type UiContext } from './session.js';

/**
 * The Ink facade: render the interactive report of a scan and resolve when the user quits. The scan command
 * imports this module (and so Ink and React) only after it decided on the interactive path.
 */
export async function runInteractive(result: ScanResult, ctx: UiContext): Promise<void> {
  const instance = render(<App findings={visibleFindings(result)} kinds={fileKinds(result)} target={result.target} filesScanned={result.files.scanned.length} ctx={ctx} />, { exitOnCtrlC: true, patchConsole: false });
  await instance.waitUntilExit();
}
