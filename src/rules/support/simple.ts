import { defineRule, type Rule, type RuleMeta, type ReportInput } from '../../core/rule.js';
import type { FileFacts, PathRef, ShellCommand, Word } from '../../core/facts.js';
import { code } from './commands.js';
import { isUse, isWrite, pathMatch } from './text.js';

export interface CommandSpec {
  /** Command basenames this entry applies to. */
  names: string[];
  /** Only when this returns true (default: always). */
  when?: (cmd: ShellCommand) => boolean;
  message: (cmd: ShellCommand) => string;
  action: string;
  why?: string;
  severity?: ReportInput['severity'];
  blocker?: boolean;
  fix?: (cmd: ShellCommand, text: string, facts: FileFacts) => ReportInput['fix'];
  /** The word to report on (default: the command name). */
  word?: (cmd: ShellCommand) => Word | undefined;
}

export interface PathSpec {
  /** Matched against the path; the span covers the match. Not global. */
  re: RegExp;
  /** 'use' (default): any use except existence tests and rm; 'write': only writes. */
  mode?: 'use' | 'write';
  when?: (ref: PathRef) => boolean;
  message: (ref: PathRef, m: RegExpExecArray) => string;
  action: string;
  why?: string;
  severity?: ReportInput['severity'];
  blocker?: boolean;
  replace?: { text: string; safety: 'safe' | 'unsafe'; title: string };
}

/** A rule that reports commands by name and paths by pattern: the shape of most convention rules. */
export function commandPathRule(meta: RuleMeta, spec: { why: string; commands?: CommandSpec[]; paths?: PathSpec[] }): Rule {
  return defineRule({
    meta,
    create(ctx) {
      return {
        command(cmd) {
          for (const c of spec.commands ?? []) {
            if (!c.names.includes(cmd.base) || (c.when && !c.when(cmd))) continue;
            const w = c.word?.(cmd) ?? cmd.nameWord;
            ctx.report({
              span: w.span,
              exact: cmd.exact && w.exact,
              message: c.message(cmd),
              why: c.why ?? spec.why,
              action: c.action,
              severity: c.severity,
              blocker: c.blocker,
              fix: c.fix?.(cmd, ctx.facts.source.text, ctx.facts),
            });
            return;
          }
        },
        path(ref) {
          for (const p of spec.paths ?? []) {
            if (!(p.mode === 'write' ? isWrite(ref) : isUse(ref))) continue;
            if (p.when && !p.when(ref)) continue;
            const hit = pathMatch(ref, p.re, ctx.facts.source);
            if (!hit) continue;
            ctx.report({
              span: hit.span,
              exact: hit.exact,
              message: p.message(ref, hit.m),
              why: p.why ?? spec.why,
              action: p.action,
              severity: p.severity,
              blocker: p.blocker,
              fix: p.replace && hit.exact ? { title: p.replace.title, safety: p.replace.safety, edits: [{ span: hit.span, text: p.replace.text }] } : undefined,
              evidence: ref.path,
            });
            return;
          }
        },
      };
    },
  });
}

export { code };
