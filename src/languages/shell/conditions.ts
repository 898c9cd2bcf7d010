import type { SNode as Node } from '../tree.js';
import { fileContent, KNOWN_COMMANDS, KNOWN_PATHS, WORLDS, type World } from './worlds.js';
import { commandSubstitution, expandedVariable, staticValue } from './words.js';
import { memoByText } from '../../core/strings.js';

/** Three-valued truth: false, true, unknown. */
export const F = 0;
export const T = 1;
export const U = 2;
export type Tri = 0 | 1 | 2;
/** One truth value per world in WORLDS order. */
export type Vec = Tri[];

export interface Cond {
  v: Vec;
  /** The condition tests the distribution (os-release, release files, package-manager presence). */
  distro: boolean;
}

const n = WORLDS.length;

/**
 * Vectors are built by pushing onto an empty array, which gives the same kind of array (packed small integers)
 * wherever the code runs: `new Array(n).fill()` makes a holey array, and so does Array.prototype.map once TurboFan
 * has inlined it, while interpreted map makes a packed one. Code reading both kinds was compiled for one, then
 * deoptimised and compiled again when it met the other (runRules, visitCase, visitIf and the rules reading reach
 * vectors).
 */
function vec(f: (i: number) => Tri): Vec {
  const out: Vec = [];
  for (let i = 0; i < n; i++) out.push(f(i));
  return out;
}

export const allOf = (t: Tri): Vec => vec(() => t);
export const UNKNOWN: Cond = { v: allOf(U), distro: false };

export function not(v: Vec): Vec {
  return vec((i) => {
    const t = v[i]!;
    return t === U ? U : t === T ? F : T;
  });
}
export function and(a: Vec, b: Vec): Vec {
  return vec((i) => {
    const x = a[i]!;
    const y = b[i]!;
    if (x === F || y === F) return F;
    if (x === T && y === T) return T;
    return U;
  });
}
export function or(a: Vec, b: Vec): Vec {
  return vec((i) => {
    const x = a[i]!;
    const y = b[i]!;
    if (x === T || y === T) return T;
    if (x === F && y === F) return F;
    return U;
  });
}
/** A vector of one value per world, in WORLDS order. */
export const perWorld = (f: (w: World) => Tri): Vec => vec((i) => f(WORLDS[i]!));
const bool = (b: boolean): Tri => (b ? T : F);

/** Names of distributions, so that a comparison of a loosely named variable ($DISTRO, $OS) is recognised. */
const DISTRO_NAMES = /^(ubuntu|debian|alpine|centos|rhel|redhat|fedora|rocky|almalinux|amzn|amazon|ol|oracle|sles|suse|opensuse.*|azurelinux|mariner|cbl-mariner|arch|raspbian|linuxmint|mint|pop|kali|photon|gentoo|void)$/i;
const GENERIC_VARS = /^(distro|distribution|dist|distro_id|distro_name|os|os_id|osid|os_name|os_type|os_family|os_dist|osname|platform|linux_distro|linux_distribution)$/i;

export type VarKind = 'ID' | 'ID_LIKE' | 'VERSION_CODENAME' | 'GENERIC' | 'LSB_ID' | 'LSB_CODENAME';

/**
 * What the script has established so far where a condition is evaluated: functions that test for a command
 * (commandProbeName), variables holding a distro value under a name of their own (`lsb_dist="$(. /etc/os-release &&
 * echo "$ID")"`), and functions that print one (`get_distribution() { ...; echo "$lsb_dist"; }`).
 */
export interface CondEnv {
  probes: ReadonlySet<string>;
  distroVars: ReadonlyMap<string, VarKind>;
  distroFns: ReadonlyMap<string, VarKind>;
}

export const NO_ENV: CondEnv = { probes: new Set(), distroVars: new Map(), distroFns: new Map() };

export function varKind(node: Node, env: CondEnv = NO_ENV): VarKind | undefined {
  const v = expandedVariable(node);
  if (v) {
    if (v === 'ID' || v === 'ID_LIKE' || v === 'VERSION_CODENAME') return v;
    if (v === 'DISTRIB_ID') return 'LSB_ID';
    if (v === 'DISTRIB_CODENAME' || v === 'UBUNTU_CODENAME') return 'LSB_CODENAME';
    if (GENERIC_VARS.test(v)) return 'GENERIC';
    return env.distroVars.get(v);
  }
  const sub = commandSubstitution(node);
  if (sub) {
    const only = sub.namedChildren.length === 1 ? sub.namedChildren[0] : undefined;
    const call = only?.type === 'command' ? commandParts(only) : undefined;
    if (call && call.args.length === 0 && env.distroFns.has(call.name)) return env.distroFns.get(call.name);
    const text = sub.text;
    if (/\blsb_release\s+-(si|is|i)\b/.test(text) || /\blsb_release\s+--id\b/.test(text)) return 'LSB_ID';
    if (/\blsb_release\s+-(cs|sc|c)\b/.test(text) || /\blsb_release\s+--codename\b/.test(text)) return 'LSB_CODENAME';
    if (/os-release/.test(text) && /\$\{?ID_LIKE\b/.test(text)) return 'ID_LIKE';
    if (/os-release/.test(text) && /\$\{?ID\b/.test(text)) return 'ID';
    if (/os-release/.test(text) && /\^ID=/.test(text)) return 'ID';
  }
  return undefined;
}

function varValue(kind: VarKind, w: World): string {
  switch (kind) {
    case 'ID':
    case 'GENERIC':
      return w.osRelease.ID ?? '';
    case 'ID_LIKE':
      return w.osRelease.ID_LIKE ?? '';
    case 'VERSION_CODENAME':
      return w.osRelease.VERSION_CODENAME ?? '';
    case 'LSB_ID':
      return w.lsbId ?? '';
    case 'LSB_CODENAME':
      return w.lsbCodename ?? '';
  }
}

/**
 * Compiled globs, remembered by pattern (memoByText), without and with ignoreCase: scripts repeat the same distro
 * patterns, and each compile cost more than its tests.
 */
const compiled = [memoByText((glob) => compileGlob(glob, false)), memoByText((glob) => compileGlob(glob, true))] as const;

/** A shell glob (case pattern, [[ == ]] right-hand side) as an anchored RegExp (not global: shared, stateless). */
export function globToRegExp(glob: string, ignoreCase = false): RegExp | undefined {
  return compiled[ignoreCase ? 1 : 0](glob);
}

function compileGlob(glob: string, ignoreCase: boolean): RegExp | undefined {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) return undefined;
      let cls = glob.slice(i + 1, close);
      if (cls.startsWith('!')) cls = '^' + cls.slice(1);
      re += `[${cls.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else if (c === '\\' && i + 1 < glob.length) {
      re += glob[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  try {
    return new RegExp(`^${re}$`, ignoreCase ? 'i' : '');
  } catch {
    return undefined;
  }
}

/** Compare a distro variable with a literal or glob in every world. */
function compareVar(kind: VarKind, literal: string, mode: 'eq' | 'glob' | 'regex'): Cond {
  if (kind === 'GENERIC' && mode !== 'regex' && !DISTRO_NAMES.test(literal.replace(/[*"']/g, ''))) return UNKNOWN;
  const ci = kind === 'GENERIC' || kind === 'LSB_ID';
  let test: (s: string) => boolean;
  if (mode === 'eq') test = (s) => (ci ? s.toLowerCase() === literal.toLowerCase() : s === literal);
  else if (mode === 'glob') {
    const re = globToRegExp(literal, ci);
    if (!re) return UNKNOWN;
    test = (s) => re.test(s);
  } else {
    let re: RegExp;
    try {
      re = new RegExp(literal, ci ? 'i' : '');
    } catch {
      return UNKNOWN;
    }
    test = (s) => re.test(s);
  }
  return { v: perWorld((w) => bool(test(varValue(kind, w)))), distro: true };
}

function fileTest(path: string): Cond {
  if (!KNOWN_PATHS.has(path)) return UNKNOWN;
  return { v: perWorld((w) => bool(w.files.has(path))), distro: true };
}

function commandPresent(cmd: string): Cond {
  const base = cmd.includes('/') ? cmd : cmd;
  if (base.includes('/')) return fileTest(base);
  if (!KNOWN_COMMANDS.has(base)) return UNKNOWN;
  return { v: perWorld((w) => bool(w.commands.has(base))), distro: true };
}

/** `grep` over a file whose content we know per world. */
function grepFile(args: string[], stdin?: (w: World) => string | undefined): Cond {
  let pattern: string | undefined;
  let ignoreCase = false;
  let fixed = false;
  let word = false;
  let invert = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-e' && i + 1 < args.length) pattern = args[++i];
    else if (a.startsWith('--')) {
      if (a === '--ignore-case') ignoreCase = true;
      else if (a === '--fixed-strings') fixed = true;
      else if (a === '--word-regexp') word = true;
      else if (a === '--invert-match') invert = true;
    } else if (a.startsWith('-') && a.length > 1) {
      if (a.includes('i')) ignoreCase = true;
      if (a.includes('F')) fixed = true;
      if (a.includes('w')) word = true;
      if (a.includes('v')) invert = true;
      if (/[ABCmfe]/.test(a)) return UNKNOWN;
    } else if (pattern === undefined) pattern = a;
    else files.push(a);
  }
  if (pattern === undefined || invert) return UNKNOWN;
  let src = fixed ? pattern.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : pattern.replace(/\\([|(){}+?])/g, '$1');
  if (word) src = `\\b(?:${src})\\b`;
  let re: RegExp;
  try {
    re = new RegExp(src, ignoreCase ? 'im' : 'm');
  } catch {
    return UNKNOWN;
  }
  let content: (w: World) => string | undefined;
  if (files.length === 1) {
    const f = files[0]!;
    if (!(f === '/proc/version' || f.startsWith('/etc/issue') || f.endsWith('-release') || f.endsWith('_version') || f === '/etc/lsb-release')) return UNKNOWN;
    content = (w) => fileContent(w, f);
  } else if (files.length === 0 && stdin) content = stdin;
  else return UNKNOWN;
  return { v: perWorld((w) => {
    const c = content(w);
    return c === undefined ? F : bool(re.test(c));
  }), distro: true };
}

function argValues(nodes: Node[]): string[] | undefined {
  const out: string[] = [];
  for (const a of nodes) {
    const v = staticValue(a);
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out;
}

function commandParts(node: Node): { name: string; args: Node[] } | undefined {
  if (node.type !== 'command') return undefined;
  const nameNode = node.childForFieldName('name');
  if (!nameNode) return undefined;
  const name = staticValue(nameNode);
  if (name === undefined) return undefined;
  return { name, args: node.childrenForFieldName('argument') };
}

/** Evaluate a simple command used as a condition. */
function evalCommand(node: Node, stdin?: (w: World) => string | undefined, env: CondEnv = NO_ENV): Cond {
  const parts = commandParts(node);
  if (!parts) return UNKNOWN;
  const { name } = parts;
  const args = argValues(parts.args);
  if (name === 'true' || name === ':') return { v: allOf(T), distro: false };
  if (name === 'false') return { v: allOf(F), distro: false };
  if (!args) return UNKNOWN;
  if (name === 'command' && (args[0] === '-v' || args[0] === '-V') && args.length === 2) return commandPresent(args[1]!);
  if ((name === 'which' || name === 'hash') && args.length === 1) return commandPresent(args[0]!);
  if (env.probes.has(name) && args.length === 1) return commandPresent(args[0]!);
  if (name === 'type') {
    const rest = args.filter((a) => !a.startsWith('-'));
    if (rest.length === 1) return commandPresent(rest[0]!);
  }
  if (name === 'test' || name === '[') {
    const a = name === '[' ? args.slice(0, -1) : args;
    return evalTestWords(a, parts.args, env);
  }
  if (name === 'grep' || name === 'egrep' || name === 'fgrep') return grepFile(name === 'fgrep' ? ['-F', ...args] : args, stdin);
  return UNKNOWN;
}

function evalTestWords(a: string[], nodes: Node[], env: CondEnv): Cond {
  if (a.length === 2 && /^-[efdrsxLh]$/.test(a[0]!)) return fileTest(a[1]!);
  if (a.length === 3 && (a[1] === '=' || a[1] === '==' || a[1] === '!=')) {
    const kind = nodes[0] ? varKind(nodes[0], env) : undefined;
    const kind2 = nodes[2] ? varKind(nodes[2], env) : undefined;
    const c = kind ? compareVar(kind, a[2]!, 'eq') : kind2 ? compareVar(kind2, a[0]!, 'eq') : UNKNOWN;
    return a[1] === '!=' ? { v: not(c.v), distro: c.distro } : c;
  }
  return UNKNOWN;
}

function evalTestExpr(node: Node, env: CondEnv): Cond {
  switch (node.type) {
    case 'parenthesized_expression': {
      const inner = node.namedChildren[0];
      return inner ? evalTestExpr(inner, env) : UNKNOWN;
    }
    case 'unary_expression': {
      const op = node.child(0);
      const operand = node.namedChildren[node.namedChildren.length - 1];
      if (!op || !operand) return UNKNOWN;
      if (op.text === '!') {
        const c = evalTestExpr(operand, env);
        return { v: not(c.v), distro: c.distro };
      }
      if (/^-[efdrsxLh]$/.test(op.text)) {
        const p = staticValue(operand);
        if (p !== undefined) return fileTest(p);
        // `[ -x "$(command -v apt-get)" ]`: the path of a command, which exists when the command does.
        const inner = /^-[efx]$/.test(op.text) ? substitutedCommand(operand) : undefined;
        const name = inner ? commandParts(inner)?.name : undefined;
        return inner && (name === 'command' || name === 'which' || name === 'type') ? evalCommand(inner, undefined, env) : UNKNOWN;
      }
      if (op.text === '-n' || op.text === '-z') {
        const inner = substitutedCommand(operand);
        if (inner) {
          const c = evalCommand(inner, undefined, env);
          return op.text === '-n' ? c : { v: not(c.v), distro: c.distro };
        }
      }
      return UNKNOWN;
    }
    case 'binary_expression': {
      const op = node.childForFieldName('operator')?.text ?? node.child(1)?.text;
      const left = node.childForFieldName('left') ?? node.namedChildren[0];
      const right = node.childForFieldName('right') ?? node.namedChildren[node.namedChildren.length - 1];
      if (!op || !left || !right) return UNKNOWN;
      if (op === '&&' || op === '-a') {
        const l = evalTestExpr(left, env);
        const r = evalTestExpr(right, env);
        return { v: and(l.v, r.v), distro: l.distro || r.distro };
      }
      if (op === '||' || op === '-o') {
        const l = evalTestExpr(left, env);
        const r = evalTestExpr(right, env);
        return { v: or(l.v, r.v), distro: l.distro || r.distro };
      }
      if (op === '=' || op === '==' || op === '!=' || op === '=~') {
        let kind = varKind(left, env);
        let other = right;
        if (!kind && op !== '=~') {
          kind = varKind(right, env);
          other = left;
        }
        if (!kind) return UNKNOWN;
        const quoted = other.type === 'string' || other.type === 'raw_string';
        const lit = staticValue(other) ?? (other.type === 'extglob_pattern' || other.type === 'regex' ? other.text : undefined);
        if (lit === undefined) return UNKNOWN;
        // The enclosing test command (through `||`/`&&`/parentheses inside [[ ]]) decides glob matching.
        let test: Node | null = node.parent;
        while (test && test.type !== 'test_command') test = test.parent;
        const inDouble = test?.text.startsWith('[[') ?? false;
        const mode = op === '=~' ? 'regex' : inDouble && !quoted ? 'glob' : 'eq';
        const c = compareVar(kind, lit, mode);
        return op === '!=' ? { v: not(c.v), distro: c.distro } : c;
      }
      return UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}

/**
 * The command of a word that is one command substitution, `"$(command -v lsb_release 2>/dev/null)"`, looked through a
 * redirection of standard error, which leaves what the command prints, and whether it prints anything, as it is.
 */
function substitutedCommand(word: Node): Node | undefined {
  const sub = commandSubstitution(word);
  let inner = sub?.namedChildren.length === 1 ? sub.namedChildren[0] : undefined;
  if (inner?.type === 'redirected_statement') {
    const body = inner.childForFieldName('body');
    // Only standard error sent to a file (`2>/dev/null`); `>/dev/null` or `2>&1` change what is printed.
    const errOnly = inner.namedChildren.every((c) => c === body || (c.type === 'file_redirect' && /^2>>?(?!&)/.test(c.text)));
    inner = errOnly && body ? body : undefined;
  }
  return inner;
}

/**
 * The name of a function that only asks whether its argument is a command, as installers define them:
 * `command_exists() { command -v "$1" >/dev/null 2>&1; }` (also with which/hash/type). Calls to it are then
 * evaluated like `command -v`.
 */
export function commandProbeName(fn: Node): string | undefined {
  const name = fn.childForFieldName('name')?.text;
  const body = fn.childForFieldName('body');
  if (!name || body?.type !== 'compound_statement') return undefined;
  const stmts = body.namedChildren.filter((c) => c.type !== 'comment');
  let only = stmts.length === 1 ? stmts[0] : undefined;
  if (only?.type === 'redirected_statement') only = only.childForFieldName('body') ?? only.namedChildren[0];
  const parts = only ? commandParts(only) : undefined;
  if (!parts) return undefined;
  const args: string[] = [];
  for (const a of parts.args) args.push(a.text.replace(/^"(.*)"$/, '$1'));
  const probe = args[args.length - 1];
  const flags = args.slice(0, -1);
  // `"$@"` is the one argument of a call such as `command_exists lsb_release` (calls are judged with one argument).
  if (probe !== '$1' && probe !== '${1}' && probe !== '$@' && probe !== '${@}') return undefined;
  const ok =
    (parts.name === 'command' && flags.length === 1 && (flags[0] === '-v' || flags[0] === '-V')) ||
    ((parts.name === 'which' || parts.name === 'hash') && flags.length === 0) ||
    (parts.name === 'type' && flags.every((f) => /^-[a-zA-Z]+$/.test(f)));
  return ok ? name : undefined;
}

/** Evaluate any statement used as a condition (if/elif condition, left side of && / ||). */
export function evalCondition(node: Node, env: CondEnv = NO_ENV): Cond {
  switch (node.type) {
    case 'test_command': {
      const inner = node.namedChildren[0];
      return inner ? evalTestExpr(inner, env) : UNKNOWN;
    }
    case 'command':
      return evalCommand(node, undefined, env);
    case 'redirected_statement': {
      const body = node.childForFieldName('body') ?? node.namedChildren[0];
      return body ? evalCondition(body, env) : UNKNOWN;
    }
    case 'negated_command': {
      const inner = node.namedChildren[0];
      if (!inner) return UNKNOWN;
      const c = evalCondition(inner, env);
      return { v: not(c.v), distro: c.distro };
    }
    case 'list': {
      const left = node.namedChildren[0];
      const right = node.namedChildren[node.namedChildren.length - 1];
      const op = node.children.find((c) => c.type === '&&' || c.type === '||')?.type;
      if (!left || !right || !op) return UNKNOWN;
      const l = evalCondition(left, env);
      const r = evalCondition(right, env);
      return { v: op === '&&' ? and(l.v, r.v) : or(l.v, r.v), distro: l.distro || r.distro };
    }
    case 'pipeline': {
      const cmds = node.namedChildren;
      const last = cmds[cmds.length - 1];
      const first = cmds[0];
      if (cmds.length === 2 && first && last) {
        const src = pipeSource(first);
        if (src) return evalCommand(last.type === 'redirected_statement' ? (last.namedChildren[0] ?? last) : last, src, env);
      }
      return UNKNOWN;
    }
    case 'subshell':
    case 'compound_statement': {
      const stmts = node.namedChildren.filter((c) => c.type !== 'comment');
      const last = stmts[stmts.length - 1];
      return last ? evalCondition(last, env) : UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}

/** What the first command of a pipeline writes, per world, when we know it. */
function pipeSource(node: Node): ((w: World) => string | undefined) | undefined {
  const parts = commandParts(node);
  if (!parts) return undefined;
  const args = argValues(parts.args);
  if (!args) return undefined;
  if (parts.name === 'cat' && args.length === 1) {
    const f = args[0]!;
    return (w) => fileContent(w, f);
  }
  if (parts.name === 'lsb_release') {
    if (args.some((a) => /^-(si|is|i|a|ds|sd|d)$/.test(a) || a === '--id')) return (w) => (w.lsbId ? `Distributor ID:\t${w.lsbId}\n${w.lsbId}` : undefined);
    if (args.some((a) => /^-(cs|sc|c)$/.test(a) || a === '--codename')) return (w) => w.lsbCodename;
  }
  if (parts.name === 'uname') return undefined;
  return undefined;
}

/**
 * The distro value a function body prints last (`echo "$lsb_dist"`, `printf '%s\n' "$ID"`), if it is one: calling
 * the function in a command substitution gives that value.
 */
export function printedDistroKind(body: Node, env: CondEnv): VarKind | undefined {
  const stmts = body.namedChildren.filter((c) => c.type !== 'comment');
  const last = stmts[stmts.length - 1];
  const parts = last?.type === 'command' ? commandParts(last) : undefined;
  if (!parts) return undefined;
  const words = parts.args;
  if (parts.name === 'echo' && words.length === 1) return varKind(words[0]!, env);
  if (parts.name === 'printf' && words.length === 2 && /^%s(\\n)?$/.test(staticValue(words[0]!) ?? '')) return varKind(words[1]!, env);
  return undefined;
}

/** A case statement on a distro variable: which worlds each arm matches. undefined if not a distro case. */
export function caseSubject(value: Node, env: CondEnv = NO_ENV): ((pattern: string) => Vec | undefined) | undefined {
  const kind = varKind(value, env);
  if (!kind) return undefined;
  return (pattern: string) => {
    if (kind === 'GENERIC' && pattern !== '*' && !DISTRO_NAMES.test(pattern.replace(/[*"'\\]/g, ''))) return undefined;
    const re = globToRegExp(pattern, kind === 'GENERIC' || kind === 'LSB_ID');
    if (!re) return undefined;
    return perWorld((w) => bool(re.test(varValue(kind, w))));
  };
}
