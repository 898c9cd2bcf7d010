import { quote } from 'shell-quote';
import type { ShellCommand, Word } from '../../core/facts.js';
import type { Fix, TextEdit } from '../../core/types.js';

/** A command can carry a fix when every position maps exactly and it is shell text (not exec-form JSON). */
export function canFix(cmd: ShellCommand): boolean {
  return cmd.exact && !cmd.hasParseError && cmd.unit.origin !== 'RUN (exec form)' && cmd.nameWord.exact && cmd.args.every((a) => a.exact);
}

export const replace = (w: Word, text: string): TextEdit => ({ span: w.span, text });

/** Remove a word and the blanks after it (or, at the end of a line, the blanks before it). */
export function removeWord(w: Word, text: string): TextEdit {
  let { start, end } = w.span;
  const after = /^[ \t]+/.exec(text.slice(end));
  if (after && !/^[ \t]*(\\?\r?\n|$)/.test(text.slice(end))) end += after[0].length;
  else {
    while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  }
  return { span: { start, end }, text: '' };
}

/**
 * Remove a whole command that is followed by `&&` (`apt-get update && next`), with the `&&`. A line
 * continuation after it stays (comment lines may follow it in a Dockerfile). undefined when the command is
 * not followed by `&&`.
 */
export function removeChained(cmd: ShellCommand, text: string): TextEdit | undefined {
  const rest = text.slice(cmd.span.end);
  const m = /^[ \t]*&&[ \t]*(?=\\)|^[ \t]*&&[ \t]*/.exec(rest);
  if (!m) return undefined;
  return { span: { start: cmd.span.start, end: cmd.span.end + m[0].length }, text: '' };
}

/** Shell words, quoted (by shell-quote) only when they hold characters the shell would interpret. */
export const words = (list: string[]): string => list.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : quote([w]))).join(' ');

export function fix(title: string, safety: 'safe' | 'unsafe', edits: TextEdit[]): Fix {
  return { title, safety, edits };
}
