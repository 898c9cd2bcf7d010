import { classifyByName } from '../discovery.js';

/**
 * The scan's progress line on a terminal's standard error: `\r`-updated (padded with spaces: no escape codes), at most every `intervalMs`, erased
 * when the scan ends. Plain text (no Ink); used only when standard error is a TTY.
 */
export function progressText(done: number, total: number, file: string, width = 80, finding = false): string {
  const kind = classifyByName(file) ?? 'file';
  const pct = total ? Math.floor((done / total) * 100) : 100;
  // While discovery still finds files, the total is a lower bound: no percentage.
  const head = finding ? `azl-migrate: scanning ${done}/${total}+ files · ${kind} ` : `azl-migrate: scanning ${done}/${total} files (${pct}%) · ${kind} `;
  const room = Math.max(0, width - 1 - head.length);
  const name = file.length <= room ? file : room > 1 ? `…${file.slice(file.length - room + 1)}` : '';
  return (head + name).slice(0, Math.max(0, width - 1));
}

export interface ProgressLine {
  update: (done: number, total: number, file: string, finding?: boolean) => void;
  /** Erase the line. */
  done: () => void;
}

export function progressLine(write: (s: string) => void, opts: { columns?: number; intervalMs?: number; now?: () => number } = {}): ProgressLine {
  const interval = opts.intervalMs ?? 80;
  const now = opts.now ?? Date.now;
  let last = -Infinity;
  let shown = false;
  const width = Math.max(20, opts.columns ?? 80);
  return {
    update(done, total, file, finding = false) {
      const t = now();
      if (t - last < interval && (done < total || finding)) return;
      last = t;
      shown = true;
      write(`\r${progressText(done, total, file, width, finding).padEnd(width - 1)}`);
    },
    done() {
      if (shown) write(`\r${' '.repeat(width - 1)}\r`);
      shown = false;
    },
  };
}
