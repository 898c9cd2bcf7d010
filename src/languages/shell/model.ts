import type { Parser as TSParser } from 'web-tree-sitter';
import { parseCopy, type SNode as Node } from '../tree.js';
import type { Span } from '../../core/source.js';
import { EmbeddedSource } from '../../core/sourcemap.js';
import { and, caseSubject, commandProbeName, evalCondition, not, or, printedDistroKind, varKind, T, F, U, allOf, type Cond, type CondEnv, type Vec, type VarKind } from './conditions.js';
import { staticValue } from './words.js';
import { WORLDS, type World } from './worlds.js';
import { capProblems } from '../../core/notes.js';
import { subSource } from '../systemd/embed.js';

/** A word of a command, with its span in the host file. */
export interface Word {
  /** Source text as written (embedded text). */
  text: string;
  /** Literal value when static (quotes removed), else undefined. */
  value?: string;
  span: Span;
  /** The span maps exactly to the host file. */
  exact: boolean;
}

export interface Assignment {
  name: string;
  value?: string;
  span: Span;
  valueSpan: Span;
  context: string;
}

export interface Redirect {
  op: string;
  target: Word;
}

/** One branch of a construct that tests the distribution, and where it can run. */
export interface Gate {
  construct: number;
  reach: Vec;
}

export interface DetectionBranch {
  reach: Vec;
  /** Only prints, logs or exits: it does not support the distro it selects. */
  trivial: boolean;
  /**
   * Only assigns variables that the file assigned before the check (`OS_TYPE=linux; if [ "$OS" = alpine ]; then
   * OS_TYPE=alpine-linux; fi`): where the branch does not run, the earlier value stands, so no work is skipped.
   */
  overridesDefault: boolean;
  /** Ends by exiting the script with a failure (`echo "Unsupported distribution"; exit 1`): the script stops there. */
  exits: boolean;
  span: Span;
}

/**
 * A branch that neither overrides a default nor exits. Every branch has the same properties in the same order, so
 * that code reading branches sees one object shape (optional properties made several, and code compiled for one was
 * deoptimised when it met another).
 */
export function plainBranch(reach: Vec, trivial: boolean, span: Span): DetectionBranch {
  return { reach, trivial, overridesDefault: false, exits: false, span };
}

/** An if/case/&&-list/guard whose condition tests the distribution. */
export interface Detection {
  id: number;
  kind: 'if' | 'case' | 'and-or' | 'guard';
  /** Host span of the test (condition or case subject). */
  span: Span;
  exact: boolean;
  branches: DetectionBranch[];
  gates: Gate[];
  /** The `when:` condition of an Ansible task, not shell code (ansible/os-family-gate judges those). */
  ansibleWhen?: boolean;
}

export interface ShellCommand {
  /** Command name after unwrapping sudo/env/xargs/...; '' when not static. */
  name: string;
  /** Basename of name (/usr/bin/apt-get -> apt-get). */
  base: string;
  nameWord: Word;
  args: Word[];
  assignments: Assignment[];
  wrappers: string[];
  redirects: Redirect[];
  span: Span;
  exact: boolean;
  gates: Gate[];
  unit: ShellUnit;
  /** The command overlaps a syntax error, or was parsed again after one (see ShellUnit.recovered): never fixed. */
  hasParseError: boolean;
  /** For `... | xargs cmd` or `xargs -a FILE cmd`: where the extra arguments come from. */
  xargsInput?: string;
}

export interface ShellUnit {
  id: number;
  source: EmbeddedSource;
  origin: string;
  depth: number;
  /** Code after a syntax error, parsed again on its own: its context (an open quote, a heredoc) may be lost. */
  recovered?: boolean;
}

export interface ParseProblem {
  span: Span;
  message: string;
  /** A syntax error tree-sitter reported (they are capped per file; see cappedSyntaxErrors). */
  syntax?: boolean;
}

export interface ShellAnalysis {
  units: ShellUnit[];
  commands: ShellCommand[];
  detections: Detection[];
  problems: ParseProblem[];
  /** Assignments: statement-level (`X=1`, `export X=1`) and command prefixes (`X=1 cmd`, `env X=1 cmd`). */
  assignments: Assignment[];
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'busybox']);
const TRIVIAL = new Set(['echo', 'printf', 'exit', 'return', ':', 'true', 'false', 'logger', 'warn', 'die', 'fail', 'error', 'log', 'info', 'abort', 'err', 'fatal']);
/** Commands that only print (a function made of these only prints too). */
const PRINTERS = new Set(['echo', 'printf', 'logger', ':', 'true']);
const MAX_DEPTH = 4;
/** Times one analysis parses again what follows a syntax error (see Analyzer.visitError). */
const MAX_RECOVERIES = 32;

export interface AnalyzeOptions {
  parser: TSParser;
  budgetMs?: number;
}

/** Analyse shell code embedded in a host file; nested code (sh -c, heredocs fed to a shell) is followed. */
export function analyzeShell(sources: { source: EmbeddedSource; origin: string; gates?: Gate[] }[], opts: AnalyzeOptions): ShellAnalysis {
  const a = new Analyzer(opts);
  for (const s of sources) a.unit(s.source, s.origin, s.gates ?? [], 0);
  return { units: a.units, commands: a.commands, detections: a.detections, problems: cappedSyntaxErrors(a.problems), assignments: a.statementAssignments };
}

/** find's actions that run a command. */
const FIND_EXEC = new Set(['-exec', '-execdir', '-ok', '-okdir']);

/** Statements tree-sitter parsed completely inside an ERROR node: they can be analysed as they are. */
const STATEMENTS = new Set(['command', 'redirected_statement', 'function_definition', 'if_statement', 'for_statement', 'c_style_for_statement', 'while_statement', 'case_statement', 'pipeline', 'list', 'compound_statement', 'subshell', 'variable_assignment', 'variable_assignments', 'declaration_command', 'test_command', 'negated_command', 'unset_command']);
const wellFormed = (n: Node): boolean => STATEMENTS.has(n.type) && !n.hasError && !n.isMissing;

/** Syntax errors listed per analysis (a file); the others are counted in one more problem. */
export const MAX_SHELL_SYNTAX_PROBLEMS = 3;

/**
 * tree-sitter-bash can fail on one construct (`[[ $x =~ ([^}]*) ]]`) and mark the whole rest of the file as an error;
 * each re-parse after it (Analyzer.visitError) then failed again one line further: 33 notes for one error in
 * jenkinsci/docker's test helpers. The first errors are listed, the rest counted, as for YAML.
 */
function cappedSyntaxErrors(problems: ParseProblem[]): ParseProblem[] {
  const syntax = problems.filter((p) => p.syntax);
  if (syntax.length <= MAX_SHELL_SYNTAX_PROBLEMS) return problems;
  const more = (rest: number, at: ParseProblem): ParseProblem => ({ span: at.span, message: `shell syntax errors: ${rest} more from this line on (tree-sitter-bash does not parse some valid code, and the construct it stumbled on can be further down); the rest of the file was analysed as far as possible` });
  return [...problems.filter((p) => !p.syntax), ...capProblems(syntax, MAX_SHELL_SYNTAX_PROBLEMS, more)];
}

class Analyzer {
  units: ShellUnit[] = [];
  commands: ShellCommand[] = [];
  detections: Detection[] = [];
  problems: ParseProblem[] = [];
  private errorSpans: Span[] = [];
  private nextConstruct = 1;
  private recoveries = 0;
  /** Functions that test whether a command exists (conditions.commandProbeName), as they are defined. */
  private probes = new Set<string>();
  /** Variables that hold a distro value so far, under names of their own (conditions.CondEnv). */
  private distroVars = new Map<string, VarKind>();
  /** Functions that print a distro value (`get_distribution() { ...; echo "$lsb_dist"; }`). */
  private distroFns = new Map<string, VarKind>();
  private readonly env: CondEnv = { probes: this.probes, distroVars: this.distroVars, distroFns: this.distroFns };
  /** Functions of the file that only print (see printsOnly): calling one is as trivial as echo. */
  private printers = new Set<string>();
  constructor(private readonly opts: AnalyzeOptions) {}

  unit(source: EmbeddedSource, origin: string, gates: Gate[], depth: number, recovered = false): void {
    const unit: ShellUnit = { id: this.units.length, source, origin, depth, ...(recovered ? { recovered } : {}) };
    this.units.push(unit);
    const root = parseCopy(this.opts.parser, source.text, this.opts.budgetMs);
    if (!root) {
      this.problems.push({ span: source.hostSpan, message: 'shell parse took too long; this code was not analysed' });
      return;
    }
    const saved = this.errorSpans;
    this.errorSpans = [];
    if (root.hasError) this.collectErrors(root, unit);
    this.sequence(root.namedChildren, unit, gates);
    this.errorSpans = saved;
  }

  private collectErrors(node: Node, unit: ShellUnit): void {
    if (node.isError || node.isMissing) {
      const { span } = unit.source.toHost({ start: node.startIndex, end: Math.max(node.endIndex, node.startIndex) });
      this.errorSpans.push({ start: node.startIndex, end: node.endIndex });
      const what = node.isMissing ? `missing ${node.type}` : `unexpected ${JSON.stringify(node.text.slice(0, 20))}`;
      this.problems.push({ span, message: `shell syntax error (${what}); the rest of the file was analysed as far as possible`, syntax: true });
      return;
    }
    if (!node.hasError) return;
    for (const c of node.children) this.collectErrors(c, unit);
  }

  private word(node: Node, unit: ShellUnit): Word {
    const { span, exact } = unit.source.toHost({ start: node.startIndex, end: node.endIndex });
    return { text: node.text, value: staticValue(node), span, exact };
  }

  private hostSpan(node: Node, unit: ShellUnit): { span: Span; exact: boolean } {
    return unit.source.toHost({ start: node.startIndex, end: node.endIndex });
  }

  /** Walk a statement list; a distro guard (`[ "$ID" = ubuntu ] || exit 1`) gates the statements after it. */
  private sequence(stmts: Node[], unit: ShellUnit, gates: Gate[]): void {
    let current = gates;
    for (const s of stmts) {
      this.visit(s, unit, current);
      const guard = this.guardOf(s, unit, current);
      if (guard) current = [...current, guard];
    }
  }

  private guardOf(s: Node, unit: ShellUnit, gates: Gate[]): Gate | undefined {
    let cond: Node | undefined;
    let negate = false;
    if (s.type === 'list') {
      const op = s.children.find((c) => c.type === '||' || c.type === '&&')?.type;
      const right = s.namedChildren[s.namedChildren.length - 1];
      if (op === '||' && right && this.terminates(right)) cond = s.namedChildren[0];
    } else if (s.type === 'if_statement') {
      const hasElse = s.children.some((c) => c.type === 'elif_clause' || c.type === 'else_clause');
      const body = this.ifParts(s).branches[0]?.body ?? [];
      const last = body[body.length - 1];
      if (!hasElse && last && this.terminates(last)) {
        cond = this.ifParts(s).branches[0]?.cond[0];
        negate = true;
      }
    }
    if (!cond) return undefined;
    const c = evalCondition(cond, this.env);
    if (!c.distro) return undefined;
    const cont = negate ? not(c.v) : c.v;
    const id = this.nextConstruct++;
    const { span, exact } = this.hostSpan(cond, unit);
    this.detections.push({
      id,
      kind: 'guard',
      span,
      exact,
      gates,
      branches: [
        plainBranch(cont, false, span),
        plainBranch(not(cont), true, span),
      ],
    });
    return { construct: id, reach: cont };
  }

  private terminates(node: Node): boolean {
    if (node.type === 'command') {
      const name = node.childForFieldName('name');
      const v = name ? staticValue(name) : undefined;
      return v === 'exit' || v === 'return';
    }
    if (node.type === 'compound_statement' || node.type === 'subshell') {
      const kids = node.namedChildren.filter((c) => c.type !== 'comment');
      const last = kids[kids.length - 1];
      return node.type === 'compound_statement' && !!last && this.terminates(last);
    }
    if (node.type === 'redirected_statement') {
      const body = node.childForFieldName('body');
      return !!body && this.terminates(body);
    }
    return false;
  }

  /** A branch of a distro check that runs `body`, as the rules judge it: trivial, overriding a default, exiting. */
  private branch(reach: Vec, body: Node[], span: Span): DetectionBranch {
    return { reach, trivial: this.isTrivial(body), overridesDefault: this.overridesDefault(body), exits: this.exitsFailing(body), span };
  }

  /** The last statement is `exit` with a status other than 0 (or none, after an error message). */
  private exitsFailing(stmts: Node[]): boolean {
    const kids = stmts.filter((c) => c.type !== 'comment');
    let last = kids[kids.length - 1];
    if (last?.type === 'redirected_statement') last = last.childForFieldName('body') ?? last;
    if (last?.type !== 'command') return false;
    const name = last.childForFieldName('name');
    if (!name || staticValue(name) !== 'exit') return false;
    const arg = last.namedChildren.find((c) => c.type !== 'command_name');
    return !arg || staticValue(arg) !== '0';
  }

  /**
   * Statements that only print: echo, printf, logger, a function of the file that only prints, and ifs that test
   * something and then only print. No exit or return: a function that exits stops the caller's work itself.
   */
  private printsOnly(stmts: Node[]): boolean {
    return this.onlyCommands(stmts, PRINTERS, true);
  }

  /** Statements that only print, log or exit (a branch that does no work for the distro it selects). */
  private isTrivial(stmts: Node[]): boolean {
    return this.onlyCommands(stmts, TRIVIAL, false);
  }

  /** Every statement is a plain assignment (`X=value`) to a variable assigned at statement level before (assignedNames). */
  private overridesDefault(stmts: Node[]): boolean {
    const before = this.assignedNames;
    let any = false;
    for (const s of stmts) {
      if (s.type === 'comment') continue;
      if (s.type !== 'variable_assignment') return false;
      const name = s.childForFieldName('name')?.text;
      if (!name || !before.has(name)) return false;
      any = true;
    }
    return any;
  }

  /** Every statement runs a command named in `names` (or a printing function of the file); ifs only if `ifs`. */
  private onlyCommands(stmts: Node[], names: ReadonlySet<string>, ifs: boolean): boolean {
    for (const s of stmts) {
      if (s.type === 'comment') continue;
      let n = s;
      if (n.type === 'redirected_statement') n = n.childForFieldName('body') ?? n;
      if (ifs && n.type === 'if_statement') {
        const parts = this.ifParts(n);
        if (![...parts.branches.map((b) => b.body), parts.elseBody ?? []].every((b) => this.onlyCommands(b, names, ifs))) return false;
        if (!parts.branches.every((b) => b.cond.every((c) => c.type === 'test_command' || c.type === 'comment'))) return false;
        continue;
      }
      if (n.type === 'list' || n.type === 'compound_statement') {
        if (!this.onlyCommands(n.namedChildren, names, ifs)) return false;
        continue;
      }
      if (n.type !== 'command') return false;
      const name = n.childForFieldName('name');
      const v = name ? staticValue(name) : undefined;
      if (!v || !(names.has(v) || this.printers.has(v))) return false;
    }
    return true;
  }

  private ifParts(node: Node): { branches: { cond: Node[]; body: Node[] }[]; elseBody?: Node[] } {
    const branches: { cond: Node[]; body: Node[] }[] = [];
    let elseBody: Node[] | undefined;
    const split = (kids: Node[], open: string) => {
      const cond: Node[] = [];
      const body: Node[] = [];
      let mode: 'pre' | 'cond' | 'body' = 'pre';
      for (const k of kids) {
        if (k.type === open) mode = 'cond';
        else if (k.type === 'then') mode = 'body';
        else if (k.type === 'elif_clause' || k.type === 'else_clause' || k.type === 'fi') break;
        else if (k.isNamed && k.type !== 'comment') (mode === 'cond' ? cond : body).push(k);
      }
      return { cond, body };
    };
    branches.push(split(node.children, 'if'));
    for (const c of node.children) {
      if (c.type === 'elif_clause') branches.push(split(c.children, 'elif'));
      if (c.type === 'else_clause') elseBody = c.namedChildren.filter((k) => k.type !== 'comment');
    }
    return { branches, elseBody };
  }

  private visit(node: Node, unit: ShellUnit, gates: Gate[]): void {
    switch (node.type) {
      case 'comment':
        return;
      case 'ERROR':
        return this.visitError(node, unit, gates);
      case 'if_statement':
        return this.visitIf(node, unit, gates);
      case 'case_statement':
        return this.visitCase(node, unit, gates);
      case 'list':
        return this.visitList(node, unit, gates);
      case 'command':
        return this.visitCommand(node, unit, gates, undefined);
      case 'pipeline':
        return this.visitPipeline(node, unit, gates);
      case 'redirected_statement':
        return this.visitRedirected(node, unit, gates);
      case 'program':
      case 'compound_statement':
      case 'do_group':
      case 'subshell':
        return this.sequence(node.namedChildren, unit, gates);
      case 'declaration_command':
      case 'variable_assignment':
      case 'variable_assignments':
        this.visitDeclaration(node, unit, gates);
        return this.children(node, unit, gates);
      case 'function_definition': {
        const probe = commandProbeName(node);
        if (probe) this.probes.add(probe);
        // A logging helper (`log() { [ -n "$QUIET" ] || echo "$@"; }`) only prints, as echo does.
        const name = node.childForFieldName('name')?.text;
        const body = node.childForFieldName('body');
        if (name && body?.type === 'compound_statement' && this.printsOnly(body.namedChildren)) this.printers.add(name);
        this.children(node, unit, gates);
        // After its body, whose assignments are tracked: `get_distribution() { ...; echo "$lsb_dist"; }`.
        const printed = name && body ? printedDistroKind(body, this.env) : undefined;
        if (name && printed) this.distroFns.set(name, printed);
        return;
      }
      default:
        return this.children(node, unit, gates);
    }
  }

  /**
   * tree-sitter-bash gives up on some valid code (`[ a b c ]`, `${x%]}`), and the ERROR node it makes can swallow the
   * rest of the script, misread. The lines after the one where the error starts are parsed again on their own, with
   * the gates in force there, so their commands are still seen (a bounded number of times per analysis).
   */
  private visitError(node: Node, unit: ShellUnit, gates: Gate[]): void {
    // tree-sitter often keeps well-formed statements inside the ERROR (jenkinsci/docker's test helpers: the whole
    // file after line 2 is one ERROR holding complete functions around the one construct it failed on). Those are
    // visited as they are, and only the stretches between them are recovered. Re-parsing everything after the
    // error's first line instead failed again one line further each time (up to MAX_RECOVERIES re-parses), with a
    // note for each, none at the construct itself.
    const kids = node.namedChildren;
    if (kids.some(wellFormed)) {
      let i = 0;
      while (i < kids.length) {
        if (wellFormed(kids[i]!)) {
          this.visit(kids[i++]!, unit, gates);
          continue;
        }
        const start = i;
        while (i < kids.length && !wellFormed(kids[i]!)) i++;
        this.recover(kids.slice(start, i), kids[start]!.startIndex, kids[i - 1]!.endIndex, unit, gates);
      }
      return;
    }
    this.recover(kids, node.startIndex, node.endIndex, unit, gates);
  }

  /** The nodes of an error stretch [start, end): those on its first line, then the lines after it parsed again. */
  private recover(nodes: Node[], start: number, end: number, unit: ShellUnit, gates: Gate[]): void {
    const nl = unit.source.text.indexOf('\n', start);
    if (nl < 0 || nl + 1 >= end || this.recoveries >= MAX_RECOVERIES) {
      for (const c of nodes) this.visit(c, unit, gates);
      return;
    }
    for (const c of nodes) if (c.endIndex <= nl) this.visit(c, unit, gates);
    this.recoveries++;
    this.unit(subSource(unit.source, nl + 1, end), unit.origin, gates, unit.depth, true);
  }

  private children(node: Node, unit: ShellUnit, gates: Gate[]): void {
    for (const c of node.namedChildren) this.visit(c, unit, gates);
  }

  /** `export X=1` / `X=1` at statement level become assignment facts on a pseudo-command. */
  private assignmentsOf(node: Node, unit: ShellUnit, context: string): Assignment[] {
    const out: Assignment[] = [];
    for (const a of assignmentNodes(node)) {
      const name = a.childForFieldName('name')?.text;
      const valueNode = a.childForFieldName('value');
      if (!name) continue;
      const { span } = this.hostSpan(a, unit);
      const valueSpan = valueNode ? this.hostSpan(valueNode, unit).span : { start: span.end, end: span.end };
      out.push({ name, value: valueNode ? staticValue(valueNode) : '', span, valueSpan, context });
    }
    return out;
  }

  readonly statementAssignments: Assignment[] = [];
  /** Names assigned at statement level so far (`X=1`, `export X=1`; not `X=1 cmd`, which sets X for cmd only). */
  private readonly assignedNames = new Set<string>();

  private visitDeclaration(node: Node, unit: ShellUnit, gates: Gate[]): void {
    const ctx = node.type === 'declaration_command' ? (node.child(0)?.text ?? 'declare') : 'assign';
    const list = this.assignmentsOf(node, unit, `shell-${ctx}`);
    this.statementAssignments.push(...list);
    for (const a of list) this.assignedNames.add(a.name);
    for (const a of assignmentNodes(node)) {
      const name = a.childForFieldName('name')?.text;
      if (name) this.trackDistroVar(name, a.childForFieldName('value'), gates);
    }
  }

  /**
   * A variable assigned a distro value (`lsb_dist="$(. /etc/os-release && echo "$ID")"`, `flavor=$ID`,
   * `lsb_dist=$(get_distribution)`) is compared as that value from then on. It stays one through an empty
   * initial value, transforms of itself (`lsb_dist="$(echo "$lsb_dist" | tr '[:upper:]' '[:lower:]')"`) and
   * assignments that no RPM-family system runs (`[ -r /etc/debian_version ] && lsb_dist=debian`); any other value
   * (a mapping such as `flavor=rhel`) makes it unknown again. Names such as $DISTRO or $OS are distro values by
   * name alone (conditions.GENERIC_VARS).
   */
  private trackDistroVar(name: string, value: Node | null, gates: Gate[]): void {
    const kind = value ? varKind(value, this.env) : undefined;
    if (kind) {
      this.distroVars.set(name, kind);
      return;
    }
    if (!this.distroVars.has(name) || !value || staticValue(value) === '') return;
    const reach = reachOf(gates);
    if (RPM_WORLDS.every((i) => reach[i] === F)) return;
    const refs = new Set<string>();
    const walk = (n: Node): void => {
      if (n.type === 'variable_name' && (n.parent?.type === 'simple_expansion' || n.parent?.type === 'expansion')) refs.add(n.text);
      for (const c of n.namedChildren) walk(c);
    };
    walk(value);
    if (refs.size !== 1 || !refs.has(name)) this.distroVars.delete(name);
  }

  private detection(kind: Detection['kind'], test: Node, unit: ShellUnit, gates: Gate[], branches: DetectionBranch[]): number {
    const id = this.nextConstruct++;
    const { span, exact } = this.hostSpan(test, unit);
    this.detections.push({ id, kind, span, exact, branches, gates });
    return id;
  }

  private visitIf(node: Node, unit: ShellUnit, gates: Gate[]): void {
    const { branches, elseBody } = this.ifParts(node);
    // Loops rather than map, here and below: see vec() in conditions.ts (one kind of array wherever the code runs).
    const conds: Cond[] = [];
    for (const b of branches) {
      const last = b.cond[b.cond.length - 1];
      conds.push(last ? evalCondition(last, this.env) : { v: allOf(U), distro: false });
    }
    const distro = conds.some((c) => c.distro);
    let none = allOf(T);
    const reaches: Vec[] = [];
    for (const c of conds) {
      reaches.push(and(none, c.v));
      none = and(none, not(c.v));
    }
    let id = 0;
    if (distro) {
      const bs: DetectionBranch[] = [];
      branches.forEach((b, i) => bs.push(this.branch(reaches[i]!, b.body, this.hostSpan(b.cond[0] ?? node, unit).span)));
      const span = this.hostSpan(node, unit).span;
      bs.push(elseBody ? this.branch(none, elseBody, span) : plainBranch(none, true, span));
      const firstCond = branches[0]?.cond[0] ?? node;
      id = this.detection('if', firstCond, unit, gates, bs);
    }
    branches.forEach((b, i) => {
      const condGates = i === 0 || !distro ? gates : [...gates, { construct: id, reach: reaches[i - 1] ? and(allOf(T), notPrev(conds, i)) : allOf(U) }];
      for (const c of b.cond) this.visit(c, unit, condGates);
      const g = distro ? [...gates, { construct: id, reach: reaches[i]! }] : gates;
      this.sequence(b.body, unit, g);
    });
    if (elseBody) this.sequence(elseBody, unit, distro ? [...gates, { construct: id, reach: none }] : gates);
  }

  private visitCase(node: Node, unit: ShellUnit, gates: Gate[]): void {
    const value = node.childForFieldName('value');
    const subject = value ? caseSubject(value, this.env) : undefined;
    const items = node.namedChildren.filter((c) => c.type === 'case_item');
    if (value) this.visit(value, unit, gates);
    if (!subject) {
      for (const it of items) this.sequence(this.caseBody(it), unit, gates);
      return;
    }
    let none = allOf(T);
    const branches: DetectionBranch[] = [];
    const reaches: Vec[] = [];
    for (const it of items) {
      let m: Vec | undefined = allOf(F);
      for (const p of it.childrenForFieldName('value')) {
        const lit = staticValue(p) ?? (p.type === 'extglob_pattern' ? p.text : undefined);
        const v = lit === undefined ? undefined : subject(lit);
        m = v && m ? or(m, v) : undefined;
        if (!m) break;
      }
      const mv = m ?? allOf(U);
      const reach = and(none, mv);
      none = and(none, not(mv));
      reaches.push(reach);
      const body = this.caseBody(it);
      branches.push(this.branch(reach, body, this.hostSpan(it, unit).span));
    }
    branches.push(plainBranch(none, true, this.hostSpan(node, unit).span));
    const id = this.detection('case', value!, unit, gates, branches);
    items.forEach((it, i) => this.sequence(this.caseBody(it), unit, [...gates, { construct: id, reach: reaches[i]! }]));
  }

  private caseBody(item: Node): Node[] {
    const values = new Set(item.childrenForFieldName('value').map((v) => v.id));
    return item.namedChildren.filter((c) => !values.has(c.id) && c.type !== 'comment');
  }

  private visitList(node: Node, unit: ShellUnit, gates: Gate[]): void {
    const left = node.namedChildren[0];
    const right = node.namedChildren[node.namedChildren.length - 1];
    const op = node.children.find((c) => c.type === '&&' || c.type === '||')?.type;
    if (!left || !right || !op || left === right) return this.children(node, unit, gates);
    this.visit(left, unit, gates);
    const c = evalCondition(left, this.env);
    if (!c.distro) return this.visit(right, unit, gates);
    const reach = op === '&&' ? c.v : not(c.v);
    if (this.terminates(right)) {
      // `test || exit`: the guard itself is recorded by sequence(); the exit branch is trivial.
      return this.visit(right, unit, gates);
    }
    const id = this.detection('and-or', left, unit, gates, [
      this.branch(reach, [right], this.hostSpan(right, unit).span),
      plainBranch(not(reach), true, this.hostSpan(left, unit).span),
    ]);
    this.visit(right, unit, [...gates, { construct: id, reach }]);
  }

  private visitPipeline(node: Node, unit: ShellUnit, gates: Gate[]): void {
    const cmds = node.namedChildren;
    let prevInput: string | undefined;
    for (const c of cmds) {
      const inner = c.type === 'redirected_statement' ? (c.childForFieldName('body') ?? c) : c;
      if (inner.type === 'command') this.visitCommand(inner, unit, gates, prevInput, c !== inner ? c : undefined);
      else this.visit(c, unit, gates);
      prevInput = undefined;
      if (inner.type === 'command') {
        const name = inner.childForFieldName('name');
        const args = inner.childrenForFieldName('argument').map((a) => staticValue(a));
        if (name && staticValue(name) === 'cat' && args.length === 1 && args[0]) prevInput = args[0];
        else prevInput = '(pipe)';
      }
    }
  }

  private visitRedirected(node: Node, unit: ShellUnit, gates: Gate[]): void {
    const body = node.childForFieldName('body');
    if (body && body.type === 'command') return this.visitCommand(body, unit, gates, undefined, node);
    if (body) this.visit(body, unit, gates);
    for (const c of node.namedChildren) if (c !== body && c.id !== body?.id) this.visit(c, unit, gates);
  }

  private overlapsError(node: Node): boolean {
    return this.errorSpans.some((e) => e.start < node.endIndex && node.startIndex < e.end);
  }

  private visitCommand(node: Node, unit: ShellUnit, gates: Gate[], pipeInput: string | undefined, redirectedParent?: Node): void {
    const nameNode = node.childForFieldName('name');
    const redirects: Redirect[] = [];
    const heredocs: Node[] = [];
    const redirectNodes = [...node.namedChildren.filter((c) => c.type.endsWith('_redirect')), ...(redirectedParent ? redirectedParent.namedChildren.filter((c) => c.type.endsWith('_redirect')) : [])];
    for (const r of redirectNodes) {
      if (r.type === 'heredoc_redirect') {
        heredocs.push(r);
        continue;
      }
      const dest = r.childForFieldName('destination') ?? r.namedChildren[r.namedChildren.length - 1];
      const op = r.children.find((k) => !k.isNamed)?.text ?? '>';
      if (dest && dest.type !== 'file_descriptor') redirects.push({ op, target: this.word(dest, unit) });
    }
    const prefix = this.assignmentsOf(node, unit, 'shell-prefix');
    // Nested commands inside substitutions and strings.
    for (const c of node.namedChildren) {
      if (c.type === 'command_name' || c.type === 'variable_assignment' || c.type.endsWith('_redirect')) continue;
      this.nestedIn(c, unit, gates);
    }
    for (const r of redirectNodes) if (r.type !== 'heredoc_redirect') this.nestedIn(r, unit, gates);
    if (!nameNode) return;
    // Pushed one by one rather than mapped: see vec() in conditions.ts (one kind of array wherever the code runs).
    let words: Word[] = [this.word(nameNode, unit)];
    for (const a of node.childrenForFieldName('argument')) words.push(this.word(a, unit));
    const wrappers: string[] = [];
    const assignments = [...prefix];
    let xargsInput = pipeInput;
    // Unwrap command wrappers.
    for (let guard = 0; guard < 8 && words.length > 0; guard++) {
      const name = basename(words[0]!.value ?? '');
      const rest = words.slice(1);
      let next: Word[] | undefined;
      if (name === 'sudo' || name === 'doas') next = skipOptions(rest, new Set(['-u', '-g', '-h', '-p', '-C', '-D', '-R', '-T', '-U', '-r', '-t', '--user', '--group']), assignments, true);
      else if (name === 'env') next = skipOptions(rest, new Set(['-u', '-C', '--unset', '--chdir', '-S']), assignments, true);
      else if (name === 'nohup') next = rest;
      else if (name === 'time') next = skipOptions(rest, new Set(['-f', '-o']), assignments, false);
      else if (name === 'nice') next = skipOptions(rest, new Set(['-n']), assignments, false);
      else if (name === 'stdbuf') next = skipOptions(rest, new Set(['-i', '-o', '-e']), assignments, false);
      else if (name === 'timeout') {
        const r = skipOptions(rest, new Set(['-s', '-k', '--signal', '--kill-after']), assignments, false);
        next = r.slice(1);
      } else if (name === 'exec') next = skipOptions(rest, new Set(['-a']), assignments, false);
      else if (name === 'command' && rest[0]?.value !== '-v' && rest[0]?.value !== '-V') next = skipOptions(rest, new Set(), assignments, false);
      else if (name === 'xargs') {
        const opts = new Set(['-a', '-d', '-E', '-I', '-L', '-n', '-P', '-s', '--arg-file', '--delimiter', '--max-args', '--max-procs', '--max-lines', '--replace']);
        const idx = rest.findIndex((w) => w.value === '-a' || w.value === '--arg-file');
        if (idx >= 0 && rest[idx + 1]?.value) xargsInput = rest[idx + 1]!.value;
        const af = rest.find((w) => w.value?.startsWith('--arg-file='));
        if (af?.value) xargsInput = af.value.slice('--arg-file='.length);
        next = skipOptions(rest, opts, assignments, false);
        xargsInput ??= '(stdin)';
      }
      if (!next) break;
      wrappers.push(name);
      words = next;
    }
    const nameWord = words[0];
    if (!nameWord) return;
    const nameValue = nameWord.value ?? '';
    const span = this.hostSpan(node, unit);
    const cmd: ShellCommand = {
      name: nameValue,
      base: basename(nameValue),
      nameWord,
      args: words.slice(1),
      assignments,
      wrappers,
      redirects,
      span: span.span,
      exact: span.exact,
      gates,
      unit,
      hasParseError: unit.recovered === true || this.overlapsError(node),
      xargsInput: wrappers.includes('xargs') ? xargsInput : undefined,
    };
    this.commands.push(cmd);
    this.statementAssignments.push(...assignments);
    this.nested(cmd, node, heredocs, unit, gates);
  }

  /** Commands inside $(...), `...`, <(...) within a word. */
  private nestedIn(node: Node, unit: ShellUnit, gates: Gate[]): void {
    if (node.type === 'command_substitution' || node.type === 'process_substitution') {
      this.sequence(node.namedChildren, unit, gates);
      return;
    }
    for (const c of node.namedChildren) this.nestedIn(c, unit, gates);
  }

  /** `sh -c '...'`, `su -c '...'` and heredocs fed to a shell are shell code too. */
  private nested(cmd: ShellCommand, node: Node, heredocs: Node[], unit: ShellUnit, gates: Gate[]): void {
    if (unit.depth >= MAX_DEPTH) return;
    const isShell = SHELLS.has(cmd.base);
    const argNodes = node.childrenForFieldName('argument');
    if (isShell || cmd.base === 'su' || cmd.base === 'runuser') {
      const ci = cmd.args.findIndex((a) => a.value !== undefined && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(a.value) && !a.value.startsWith('--'));
      const script = ci >= 0 ? cmd.args[ci + 1] : undefined;
      if (script) {
        const sn = this.argNode(argNodes, script, unit);
        const emb = sn ? this.stringSource(sn, unit) : undefined;
        if (emb) this.unit(emb, `${cmd.base} -c`, gates, unit.depth + 1, unit.recovered);
      }
    }
    if (cmd.base === 'find') this.findExec(cmd, argNodes, unit, gates);
    const scriptArgs = cmd.args.filter((a) => !(a.value ?? '').startsWith('-'));
    if (isShell && heredocs.length > 0 && scriptArgs.length === 0) {
      for (const h of heredocs) {
        const body = h.namedChildren.find((c) => c.type === 'heredoc_body');
        if (!body) continue;
        const r = unit.source.toHost({ start: body.startIndex, end: body.endIndex });
        if (!r.exact) continue;
        this.unit(EmbeddedSource.identity(body.text, r.span.start), `heredoc to ${cmd.base}`, gates, unit.depth + 1, unit.recovered);
      }
    }
  }

  /**
   * The commands find runs: `-exec CMD ARGS... ;` (or `+`, `-execdir`, `-ok`, `-okdir`) is analysed as shell code,
   * the words as written, so `-exec dpkg -S {} \;` and `-exec bash -c '... dpkg ...' -- {} +` are seen.
   */
  private findExec(cmd: ShellCommand, argNodes: Node[], unit: ShellUnit, gates: Gate[]): void {
    const nodeOf = (w: Word) => this.argNode(argNodes, w, unit);
    for (let i = 0; i < cmd.args.length; i++) {
      if (!FIND_EXEC.has(cmd.args[i]!.value ?? '')) continue;
      let j = i + 1;
      while (j < cmd.args.length && cmd.args[j]!.value !== ';' && cmd.args[j]!.value !== '+') j++;
      const first = j > i + 1 ? nodeOf(cmd.args[i + 1]!) : undefined;
      const last = first ? nodeOf(cmd.args[j - 1]!) : undefined;
      if (first && last && last.endIndex >= first.startIndex) this.unit(subSource(unit.source, first.startIndex, last.endIndex), 'find -exec', gates, unit.depth + 1, unit.recovered);
      i = j;
    }
  }

  /** The argument node a word of the command came from (wrappers such as sudo shift words against nodes). */
  private argNode(argNodes: Node[], w: Word, unit: ShellUnit): Node | undefined {
    return argNodes.find((a) => this.word(a, unit).span.start === w.span.start);
  }

  /** The content of a quoted argument as embedded source, exact where the quoting allows. */
  private stringSource(n: Node, unit: ShellUnit): EmbeddedSource | undefined {
    const host = unit.source.toHost({ start: n.startIndex, end: n.endIndex });
    if (!host.exact) return undefined;
    if (n.type === 'raw_string') return EmbeddedSource.identity(n.text.slice(1, -1), host.span.start + 1);
    if (n.type === 'word' && !n.text.includes('\\')) return EmbeddedSource.identity(n.text, host.span.start);
    if (n.type === 'string') {
      // Unescape \" \\ \$ \` while keeping a segment map; expansions stay as written.
      const raw = n.text.slice(1, -1);
      let text = '';
      const segments: { embStart: number; hostStart: number; length: number }[] = [];
      let segStart = 0;
      let segHost = host.span.start + 1;
      for (let i = 0; i < raw.length; i++) {
        if (raw[i] === '\\' && i + 1 < raw.length && '"\\$`'.includes(raw[i + 1]!)) {
          segments.push({ embStart: segStart, hostStart: segHost, length: text.length - segStart });
          segStart = text.length;
          segHost = host.span.start + 1 + i + 1;
          text += raw[i + 1];
          i++;
        } else text += raw[i];
      }
      segments.push({ embStart: segStart, hostStart: segHost, length: text.length - segStart });
      return new EmbeddedSource(text, segments, host.span);
    }
    return undefined;
  }
}

function notPrev(conds: { v: Vec }[], i: number): Vec {
  let v = allOf(T);
  for (let k = 0; k < i; k++) v = and(v, not(conds[k]!.v));
  return v;
}

function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

/** Skip a wrapper's options (and, for sudo/env, VAR=val words) and return the wrapped command's words. */
function skipOptions(words: Word[], withValue: Set<string>, assignments: Assignment[], takesAssignments: boolean): Word[] {
  let i = 0;
  while (i < words.length) {
    const v = words[i]!.value;
    if (v === undefined) break;
    if (v === '--') {
      i++;
      break;
    }
    if (v.startsWith('-') && v.length > 1) {
      if (withValue.has(v)) i += 2;
      else i += 1;
      continue;
    }
    if (takesAssignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) {
      const eq = v.indexOf('=');
      const w = words[i]!;
      assignments.push({
        name: v.slice(0, eq),
        value: v.slice(eq + 1),
        span: w.span,
        valueSpan: { start: w.span.start + (w.exact ? eq + 1 : 0), end: w.span.end },
        context: 'shell-prefix',
      });
      i++;
      continue;
    }
    break;
  }
  return words.slice(i);
}

/** Where a command can run: per world, from its gates. */
/** The `X=value` nodes of an assignment statement, a declaration (`export`, `local`) or a command's prefix. */
function assignmentNodes(node: Node): Node[] {
  return node.type === 'variable_assignment' ? [node] : node.namedChildren.filter((c) => c.type === 'variable_assignment');
}

/** Indexes of the RPM-family model systems in WORLDS. */
export const RPM_WORLDS = WORLDS.map((w, i) => (w.family === 'rpm' ? i : -1)).filter((i) => i >= 0);

export function reachOf(gates: Gate[]): Vec {
  let v = allOf(T);
  for (const g of gates) v = and(v, g.reach);
  return v;
}

export function worldIndex(name: World['name']): number {
  return WORLDS.findIndex((w) => w.name === name);
}
