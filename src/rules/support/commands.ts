import type { ShellCommand, Word } from '../../core/facts.js';
import type { Span } from '../../core/source.js';

export interface ParsedArgs {
  /** First positional word (the subcommand for apt-get, dnf, apk...). */
  sub?: Word;
  /** Positional words after the subcommand. */
  positionals: Word[];
  /** Option words (with their values when the option takes one). */
  options: { word: Word; name: string; value?: string }[];
}

/**
 * Split a command's arguments into options and positionals. `withValue` lists options that take the next
 * word as their value (`-o Dpkg::Options=x`); `--opt=value` forms are understood without listing.
 */
export function parseArgs(cmd: ShellCommand, withValue: ReadonlySet<string> = new Set()): ParsedArgs {
  const out: ParsedArgs = { positionals: [], options: [] };
  const args = cmd.args;
  let endOfOptions = false;
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const v = w.value ?? w.text;
    if (!endOfOptions && v === '--') {
      endOfOptions = true;
      continue;
    }
    if (!endOfOptions && v.startsWith('-') && v.length > 1) {
      const eq = v.indexOf('=');
      const name = eq > 0 ? v.slice(0, eq) : v;
      if (eq > 0) out.options.push({ word: w, name, value: v.slice(eq + 1) });
      else if (withValue.has(name) && i + 1 < args.length) {
        out.options.push({ word: w, name, value: args[i + 1]!.value ?? args[i + 1]!.text });
        i++;
      } else out.options.push({ word: w, name });
      continue;
    }
    if (!out.sub) out.sub = w;
    else out.positionals.push(w);
  }
  return out;
}

/** Span from the command name to the end of the subcommand (`apt-get install`), for a precise finding. */
export function headSpan(cmd: ShellCommand, p?: ParsedArgs): Span {
  const end = p?.sub && p.sub.span.start >= cmd.nameWord.span.end ? p.sub.span.end : cmd.nameWord.span.end;
  return { start: cmd.nameWord.span.start, end };
}

/** `apt-get install` as written, for messages. */
export function headText(cmd: ShellCommand, p?: ParsedArgs): string {
  return [cmd.base, p?.sub?.value ?? p?.sub?.text].filter(Boolean).join(' ');
}

export const code = (s: string) => `\`${s}\``;
