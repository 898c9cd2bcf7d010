import { resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { FileKind } from '../core/facts.js';
import type { Finding } from '../core/types.js';
import type { Rule } from '../core/rule.js';
import { runRules } from '../core/engine.js';
import { applyFixes } from '../core/fixer.js';
import { adapterFor } from '../languages/registry.js';
import type { TargetProfile } from '../knowledge/target.js';
import { decode } from '../scan.js';
import { snapshot, replaceFile, RefusedWrite, type ReadSnapshot } from '../fix/write.js';
import { parseProblems } from '../fix/engine.js';
import { MARKER, applySuppressions, parseDirectives } from '../policy/suppressions.js';
import { isPolicyRule } from '../policy/meta.js';
import type { ScanFinding } from '../policy/model.js';
import type { Prepared } from './model.js';

/**
 * The two changes the interactive report can make to one finding's file, each prepared first (the new text
 * and its diff, checked) and written only when the user confirms: the finding's own fix (through the fix
 * engine's applyFixes, nothing else), or an `azl-migrate-ignore` comment above the finding. No Ink here.
 */

export interface ActionContext {
  /** Scan root: file names are relative to it, and nothing outside it is written. */
  root: string;
  /** The rules the scan ran (to find the finding again in the current text). */
  rules: Rule[];
  target: TargetProfile;
  /** The kind of a scanned file. */
  kindOf: (file: string) => FileKind | undefined;
  /** Today (suppression expiry). */
  now?: Date;
}

export class ActionError extends Error {}

async function readForChange(ctx: ActionContext, file: string): Promise<{ snap: ReadSnapshot; text: string; kind: FileKind }> {
  const kind = ctx.kindOf(file);
  if (!kind) throw new ActionError(`${file} was not scanned`);
  let snap: ReadSnapshot;
  try {
    snap = await snapshot(resolve(ctx.root, file));
  } catch (e) {
    throw new ActionError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const d = decode(snap.bytes);
  if (!d.ok) throw new ActionError(`${file} is ${d.reason}: never modified`);
  return { snap, text: d.text, kind };
}

function write(ctx: ActionContext, snap: ReadSnapshot, text: string): () => Promise<void> {
  return async () => {
    try {
      await replaceFile(ctx.root, snap, text);
    } catch (e) {
      if (e instanceof RefusedWrite) throw new ActionError(`not written: ${e.message}`);
      throw new ActionError(`write failed: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  };
}

const patch = (file: string, a: string, b: string) => createTwoFilesPatch(`a/${file}`, `b/${file}`, a, b, undefined, undefined, { context: 3 });

/**
 * The finding in a fresh run of its rule: same fingerprint and same span. A fingerprint alone is not enough
 * (it is stable across line shifts, so after an edit another finding of the same rule and text can take it).
 */
function findAgain(fresh: Finding[], f: ScanFinding): Finding {
  const now = fresh.find((x) => x.fingerprint === f.fingerprint && x.span.start === f.span.start && x.span.end === f.span.end);
  if (!now) throw new ActionError(`the finding is no longer where it was in ${f.file} (the file changed since the scan); scan again`);
  return now;
}

/**
 * Prepare the fix of one finding: the file is read again, the finding's rule re-run on it and the finding
 * found by its fingerprint (so the edits are those of the current text); only that finding's fix is applied,
 * and the result must parse no worse than before.
 */
export async function prepareFix(ctx: ActionContext, f: ScanFinding): Promise<Prepared> {
  if (!f.fix) throw new ActionError(`${f.ruleId} offers no automatic fix here`);
  const rule = ctx.rules.find((r) => r.meta.id === f.ruleId);
  if (!rule) throw new ActionError(`rule ${f.ruleId} is not loaded`);
  const { snap, text, kind } = await readForChange(ctx, f.file);
  const facts = await adapterFor(kind).analyze(f.file, text);
  const now = findAgain(runRules(facts, { rules: [rule], target: ctx.target }), f);
  if (!now.fix) throw new ActionError(`${f.ruleId} offers no automatic fix here any more`);
  const r = applyFixes(text, [now.fix]);
  if (r.applied.length !== 1 || r.applied[0] !== now.fix || r.text === text) throw new ActionError('the fix cannot be applied (its edits are invalid)');
  const before = facts.notes.filter((n) => n.kind === 'parse').length;
  if ((await parseProblems(f.file, kind, r.text)) > before) throw new ActionError('the fixed file would not parse; the fix was not applied');
  return {
    action: 'fix',
    file: f.file,
    title: `${now.fix.title}${now.fix.safety === 'unsafe' ? ' (unsafe: changes behaviour, review the diff)' : ''}`,
    diff: patch(f.file, text, r.text),
    apply: write(ctx, snap, r.text),
  };
}

/** The comment leader of a file kind, or why a comment cannot be written there. */
export function commentLeader(kind: FileKind, file: string): { leader: string } | { refused: string } {
  switch (kind) {
    case 'tsjs':
    case 'bicep':
      return { leader: '//' };
    case 'arm':
      return { refused: 'ARM templates are JSON, which has no comments' };
    case 'packer':
      return /\.json$/i.test(file) ? { refused: 'Packer JSON templates have no comments' } : { leader: '#' };
    default:
      return { leader: '#' };
  }
}

/** The directive line, as suppressions.ts reads it: `<leader> azl-migrate-ignore <rule-id> -- <reason>`. */
export function directiveText(leader: string, ruleId: string, reason: string): string {
  return `${leader} ${MARKER} ${ruleId} -- ${reason}`;
}

/**
 * Insert a suppression comment for one finding: on its own line, indented like the statement it precedes,
 * above the first line of that statement (a backslash continuation is never split). The result is checked:
 * the comment must cover the finding and suppress it (same parser and policy as a scan), and the file must
 * parse no worse than before.
 */
export async function prepareSuppression(ctx: ActionContext, f: ScanFinding, reasonIn: string): Promise<Prepared> {
  const reason = reasonIn.replace(/\s+/g, ' ').trim();
  if (!reason) throw new ActionError('a suppression needs a reason');
  if (isPolicyRule(f.ruleId)) throw new ActionError(`${f.ruleId} findings are about suppression comments and cannot be suppressed`);
  const { snap, text, kind } = await readForChange(ctx, f.file);
  const lc = commentLeader(kind, f.file);
  if ('refused' in lc) throw new ActionError(`cannot write a suppression in ${f.file}: ${lc.refused}`);
  const rule = ctx.rules.find((r) => r.meta.id === f.ruleId);
  if (!rule) throw new ActionError(`rule ${f.ruleId} is not loaded`);
  findAgain(runRules(await adapterFor(kind).analyze(f.file, text), { rules: [rule], target: ctx.target }), f);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineText = (n: number) => text.slice(starts[n - 1]!, n < starts.length ? starts[n]! - 1 : text.length).replace(/\r$/, '');
  if (f.line < 1 || f.line > starts.length) throw new ActionError(`line ${f.line} is not in ${f.file} any more; scan again`);
  let at = f.line;
  while (at > 1 && /\\$/.test(lineText(at - 1))) at--;
  const bom = at === 1 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const first = lineText(at).slice(bom);
  if (at === 1 && first.startsWith('#!')) throw new ActionError('the finding is on the #! line; a comment cannot go above it');
  const indent = /^[ \t]*/.exec(first)![0];
  const insertAt = starts[at - 1]! + bom;
  const comment = `${indent}${directiveText(lc.leader, f.ruleId, reason)}${eol}`;
  const next = text.slice(0, insertAt) + comment + text.slice(insertAt);
  // Check with the scan's own suppression logic that the new comment silences this finding.
  const moved: ScanFinding = { ...f, line: f.line + 1, endLine: f.endLine + 1, status: 'open' };
  const directives = parseDirectives(f.file, next).filter((d) => d.line === at);
  const out = applySuppressions([moved], directives, { knownRuleIds: new Set(ctx.rules.map((r) => r.meta.id)), now: ctx.now ?? new Date() });
  if (directives.length !== 1 || out.findings[0]?.status !== 'suppressed' || out.reported.length) {
    throw new ActionError(`a comment above line ${at} would not suppress this finding (it would not cover line ${f.line}); edit the file by hand`);
  }
  if ((await parseProblems(f.file, kind, next)) > (await parseProblems(f.file, kind, text))) throw new ActionError('the file would not parse with the comment; nothing was written');
  return {
    action: 'suppress',
    file: f.file,
    title: `Suppress ${f.ruleId} at ${f.file}:${f.line}`,
    diff: patch(f.file, text, next),
    apply: write(ctx, snap, next),
  };
}
