import type { ShellCommand, Word } from '../../core/facts.js';
import type { Fix, TextEdit } from '../../core/types.js';
import type { ParsedArgs } from './commands.js';
import type { SourceDistro } from '../../knowledge/packages.js';
import { resolveShipped } from './packages.js';
import { canFix, fix, removeChained, removeWord, replace, words } from './fixes.js';
import { stageImageOf } from './text.js';
import type { FileFacts } from '../../core/facts.js';

/** The Azure Linux 4.0 names for package words, or undefined if any is not a clean, supported equivalent. */
export function mappedNames(pkgs: Word[], from: SourceDistro): string[][] | undefined {
  const out: string[][] = [];
  for (const w of pkgs) {
    if (w.value === undefined) return undefined;
    const r = resolveShipped(w.value, from);
    const clean =
      (r.status === 'same' || r.status === 'renamed' || r.status === 'split') &&
      r.kind === 'equivalent' &&
      r.confidence === 'high' &&
      r.spec.name === w.value &&
      r.targets.length > 0 &&
      r.targets.every((t) => t.channel === 'base');
    if (!clean) return undefined;
    out.push(r.targets.map((t) => t.name));
  }
  return out;
}

interface Translation {
  /** dnf subcommand text that replaces the foreign one (`install -y`). */
  sub: string;
  /** Options and what they become ('' = removed). Unknown options block the fix. */
  options: Record<string, string>;
  /** Package words get mapped names. */
  packages: boolean;
  from: SourceDistro;
}

/**
 * Rewrite a foreign package command (apt-get, apt, apk) into dnf, in place: the name and subcommand words,
 * each option and each package name are edited separately, so continuation lines, indentation and comments
 * between them are kept. undefined when anything cannot be translated exactly.
 */
export function translateToDnf(cmd: ShellCommand, p: ParsedArgs, t: Translation, title: string, text: string): Fix | undefined {
  if (!canFix(cmd) || !p.sub) return undefined;
  const edits: TextEdit[] = [replace(cmd.nameWord, 'dnf')];
  let hasYes = false;
  for (const o of p.options) {
    const to = t.options[o.word.value ?? ''];
    if (to === undefined) return undefined;
    if (to === '-y') {
      if (hasYes) {
        edits.push(removeWord(o.word, text));
        continue;
      }
      hasYes = true;
    }
    edits.push(to === '' ? removeWord(o.word, text) : replace(o.word, to));
  }
  let sub = t.sub;
  if (sub.endsWith(' -y') && hasYes) sub = sub.slice(0, -3);
  edits.push(replace(p.sub, sub));
  if (t.packages) {
    const mapped = mappedNames(p.positionals, t.from);
    if (!mapped || mapped.length === 0) return undefined;
    p.positionals.forEach((w, i) => edits.push(replace(w, words(mapped[i]!))));
  } else if (p.positionals.length) return undefined;
  return fix(title, 'safe', edits);
}

/** `apt-get update` / `apk update`: removed when chained with `&&`, else `dnf makecache`. */
export function refreshFix(cmd: ShellCommand, p: ParsedArgs, text: string): Fix | undefined {
  if (!canFix(cmd) || !p.sub || p.positionals.length) return undefined;
  const chained = removeChained(cmd, text);
  if (chained) return fix('Remove the metadata refresh (dnf refreshes when it installs)', 'safe', [chained]);
  return fix('Use dnf makecache', 'safe', [{ span: { start: cmd.nameWord.span.start, end: (p.options.at(-1)?.word ?? p.sub).span.end > p.sub.span.end ? p.options.at(-1)!.word.span.end : p.sub.span.end }, text: 'dnf makecache' }]);
}

/**
 * Fixes for one package manager's commands, all or nothing per shell unit (a RUN, a script): removing
 * `apt-get update` while an `apt-get install` stays would leave a step that fails on either distribution.
 */
export function allOrNothingPerUnit(commands: ShellCommand[], belongs: (c: ShellCommand) => boolean, fixOf: (c: ShellCommand) => Fix | undefined): (c: ShellCommand) => Fix | undefined {
  const unitOk = new Map<number, boolean>();
  return (cmd) => {
    let ok = unitOk.get(cmd.unit.id);
    if (ok === undefined) {
      ok = commands.filter((c) => c.unit === cmd.unit && belongs(c)).every((c) => fixOf(c) !== undefined);
      unitOk.set(cmd.unit.id, ok);
    }
    return ok ? fixOf(cmd) : undefined;
  };
}

/** Images whose package manager is dnf: Azure Linux 4.0 itself, or Azure Linux 3.0 / CBL-Mariner core, whose FROM fix is safe. */
const DNF_STAGE = /(^|\/)(azurelinux-beta\/|azurelinux\/base\/core:|cbl-mariner\/base\/core:)/;

/**
 * In a Dockerfile stage still based on another distribution, `apt-get` -> `dnf` only works together with the
 * base image change (itself unsafe): the fix is then unsafe too, so a safe run never leaves dnf on Debian.
 */
export function withStageSafety(facts: FileFacts, cmd: ShellCommand, f: Fix | undefined): Fix | undefined {
  if (!f || facts.kind !== 'dockerfile') return f;
  const image = stageImageOf(facts as never, cmd) ?? '';
  if (DNF_STAGE.test(image)) return f;
  return { ...f, title: `${f.title} (with the base image change: this stage is ${image || 'not yet'} Azure Linux)`, safety: 'unsafe' };
}
