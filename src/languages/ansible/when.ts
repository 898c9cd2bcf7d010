import { allOf, and, not, or, perWorld, F, T, U, type Tri, type Vec } from '../shell/conditions.js';
import type { WorldName } from '../shell/worlds.js';
import { memoByText } from '../../core/strings.js';

/**
 * What Ansible's distribution facts are in each world. Azure Linux 4.0: ansible-core's OS_FAMILY_MAP
 * (lib/ansible/module_utils/facts/system/distribution.py) has no Azure Linux entry, so ansible_os_family is not
 * "RedHat" (nor Debian/Suse/...): it falls back to the distribution name, whose exact spelling is UNCONFIRMED
 * (knowledge sheet §1 "how ansible-core maps ID=azurelinux to ansible_os_family / pkg_mgr"). Unknown values are U.
 */
interface AnsibleWorld {
  os_family: string | undefined;
  distribution: string | undefined;
  major: string;
  version: string;
  pkg_mgr: string | undefined;
}
const FACTS: Record<WorldName, AnsibleWorld> = {
  ubuntu: { os_family: 'Debian', distribution: 'Ubuntu', major: '24', version: '24.04', pkg_mgr: 'apt' },
  debian: { os_family: 'Debian', distribution: 'Debian', major: '12', version: '12', pkg_mgr: 'apt' },
  alpine: { os_family: 'Alpine', distribution: 'Alpine', major: '3', version: '3.20.0', pkg_mgr: 'apk' },
  centos: { os_family: 'RedHat', distribution: 'CentOS', major: '9', version: '9', pkg_mgr: 'dnf' },
  fedora: { os_family: 'RedHat', distribution: 'Fedora', major: '43', version: '43', pkg_mgr: 'dnf5' },
  'azurelinux-4.0': { os_family: undefined, distribution: undefined, major: '4', version: '4.0', pkg_mgr: undefined },
};
/** Names that Azure Linux 4.0's os_family/distribution certainly are not (the known families and distributions). */
const KNOWN_NAMES = new Set(['redhat', 'debian', 'ubuntu', 'alpine', 'suse', 'archlinux', 'gentoo', 'centos', 'fedora', 'rocky', 'almalinux', 'amazon', 'oraclelinux', 'rhel', 'linux mint', 'sles', 'opensuse', 'freebsd', 'darwin', 'windows', 'kali', 'raspbian', 'solaris']);
/** The known names of the RPM family (Red Hat's os_family and its distributions): the path Azure Linux 4.0 takes. */
const RPM_NAMES = new Set(['redhat', 'centos', 'fedora', 'rocky', 'almalinux', 'amazon', 'oraclelinux', 'rhel']);

/**
 * A value of ansible_os_family / ansible_distribution (any case) that is certainly neither Azure Linux 4.0's nor
 * the RPM family's: Debian, Ubuntu, Alpine, Suse, ... A file named for one (`setup-Debian.yml`) is read by an
 * include keyed on the fact only on that system.
 */
export function otherDistroFactName(name: string): boolean {
  const n = name.toLowerCase();
  return KNOWN_NAMES.has(n) && !RPM_NAMES.has(n);
}

type Var = 'os_family' | 'distribution' | 'major' | 'version' | 'pkg_mgr';
const VARS: Record<string, Var> = {
  ansible_os_family: 'os_family',
  ansible_distribution: 'distribution',
  ansible_distribution_major_version: 'major',
  ansible_distribution_version: 'version',
  ansible_pkg_mgr: 'pkg_mgr',
};

export interface WhenResult {
  v: Vec;
  /** The expression tests the distribution. */
  distro: boolean;
  /** It compares the major version numerically (`| int <= 7`, `is version`). */
  numericVersion: boolean;
}

type Tok = { t: 'id' | 'str' | 'num' | 'op' | 'lp' | 'rp' | 'lb' | 'rb' | 'comma' | 'pipe' | 'dot'; v: string };

function tokenize(s: string): Tok[] | undefined {
  const out: Tok[] = [];
  const re = /\s*(?:(==|!=|<=|>=|<|>)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(\d+(?:\.\d+)*)|([A-Za-z_][A-Za-z0-9_]*)|(\()|(\))|(\[)|(\])|(,)|(\|)|(\.))/y;
  let i = 0;
  s = s.trim();
  while (i < s.length) {
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) return undefined;
    i = re.lastIndex;
    if (m[1]) out.push({ t: 'op', v: m[1] });
    else if (m[2]) out.push({ t: 'str', v: m[2].slice(1, -1) });
    else if (m[3]) out.push({ t: 'num', v: m[3] });
    else if (m[4]) out.push({ t: 'id', v: m[4] });
    else if (m[5]) out.push({ t: 'lp', v: '(' });
    else if (m[6]) out.push({ t: 'rp', v: ')' });
    else if (m[7]) out.push({ t: 'lb', v: '[' });
    else if (m[8]) out.push({ t: 'rb', v: ']' });
    else if (m[9]) out.push({ t: 'comma', v: ',' });
    else if (m[10]) out.push({ t: 'pipe', v: '|' });
    else if (m[11]) out.push({ t: 'dot', v: '.' });
    while (i < s.length && /\s/.test(s[i]!)) i++;
  }
  return out;
}

type Val = { kind: 'var'; name: Var; int: boolean } | { kind: 'lit'; v: string; quoted?: boolean } | { kind: 'list'; v: string[] } | { kind: 'unknown' } | { kind: 'bool'; v: Vec };

class P {
  i = 0;
  distro = false;
  numeric = false;
  constructor(readonly toks: Tok[]) {}
  peek(o = 0) {
    return this.toks[this.i + o];
  }
  next() {
    return this.toks[this.i++];
  }
  expr(): Vec {
    let v = this.andExpr();
    while (this.peek()?.t === 'id' && this.peek()!.v === 'or') {
      this.next();
      v = or(v, this.andExpr());
    }
    return v;
  }
  andExpr(): Vec {
    let v = this.notExpr();
    while (this.peek()?.t === 'id' && this.peek()!.v === 'and') {
      this.next();
      v = and(v, this.notExpr());
    }
    return v;
  }
  notExpr(): Vec {
    if (this.peek()?.t === 'id' && this.peek()!.v === 'not') {
      this.next();
      return not(this.notExpr());
    }
    return this.cmp();
  }
  cmp(): Vec {
    const a = this.operand();
    const t = this.peek();
    if (t?.t === 'op') {
      this.next();
      return this.compare(a, t.v, this.operand());
    }
    if (t?.t === 'id' && (t.v === 'in' || (t.v === 'not' && this.peek(1)?.v === 'in'))) {
      const neg = t.v === 'not';
      this.next();
      if (neg) this.next();
      const r = this.compare(a, 'in', this.operand());
      return neg ? not(r) : r;
    }
    if (t?.t === 'id' && t.v === 'is') {
      this.next();
      let neg = false;
      if (this.peek()?.v === 'not') {
        this.next();
        neg = true;
      }
      const test = this.next();
      let args: string[] = [];
      if (this.peek()?.t === 'lp') args = this.args();
      const r = a.kind === 'var' && test && ['version', 'version_compare'].includes(test.v) && args[0] !== undefined ? this.version(a.name, args[0], args[1] ?? '==') : allOf(U);
      return neg ? not(r) : r;
    }
    if (a.kind === 'bool') return a.v;
    return allOf(U);
  }
  args(): string[] {
    const out: string[] = [];
    this.next();
    while (this.peek() && this.peek()!.t !== 'rp') {
      const t = this.next()!;
      if (t.t === 'str' || t.t === 'num') out.push(t.v);
    }
    this.next();
    return out;
  }
  operand(): Val {
    const t = this.next();
    if (!t) return { kind: 'unknown' };
    let val: Val = { kind: 'unknown' };
    if (t.t === 'lp') {
      const v = this.expr();
      if (this.peek()?.t === 'rp') this.next();
      val = { kind: 'bool', v };
    } else if (t.t === 'str' || t.t === 'num') val = { kind: 'lit', v: t.v, ...(t.t === 'str' ? { quoted: true } : {}) };
    else if (t.t === 'lb') {
      const items: string[] = [];
      while (this.peek() && this.peek()!.t !== 'rb') {
        const x = this.next()!;
        if (x.t === 'str' || x.t === 'num') items.push(x.v);
      }
      this.next();
      val = { kind: 'list', v: items };
    } else if (t.t === 'id') {
      let name = t.v;
      // ansible_facts['os_family'], ansible_facts.os_family, hostvars[inventory_hostname].ansible_os_family
      while (this.peek()?.t === 'lb' || this.peek()?.t === 'dot') {
        const o = this.next()!;
        const k = this.next();
        if (o.t === 'lb') this.next();
        if (k && (k.t === 'str' || k.t === 'id')) name = name === 'ansible_facts' || name === 'hostvars' || name === 'inventory_hostname' ? (k.v.startsWith('ansible_') ? k.v : `ansible_${k.v}`) : k.v;
      }
      const v = VARS[name];
      if (v) {
        this.distro = true;
        val = { kind: 'var', name: v, int: false };
      }
    }
    // Filters: | int, | float, | lower, | string ...
    while (this.peek()?.t === 'pipe') {
      this.next();
      const f = this.next();
      if (this.peek()?.t === 'lp') this.args();
      if (val.kind === 'var' && f && (f.v === 'int' || f.v === 'float')) val = { ...val, int: true };
      else if (val.kind === 'var' && f && f.v !== 'lower' && f.v !== 'string' && f.v !== 'trim') val = { kind: 'unknown' };
    }
    return val;
  }
  value(name: Var, w: AnsibleWorld): string | undefined {
    return w[name];
  }
  /** Compare a fact with a literal in every world. */
  compare(a: Val, op: string, b: Val): Vec {
    if (a.kind !== 'var' && b.kind === 'var' && op !== 'in') return this.compare(b, flip(op), a);
    if (a.kind === 'lit' && b.kind === 'var' && op === 'in') {
      // 'Debian' in ansible_os_family: substring test
      return perWorld((w) => {
        const v = this.value(b.name, FACTS[w.name]);
        return v === undefined ? U : v.includes(a.v) ? T : F;
      });
    }
    if (a.kind !== 'var') return allOf(U);
    if ((a.int || /[<>]/.test(op)) && (a.name === 'major' || a.name === 'version')) this.numeric = true;
    const lits = b.kind === 'lit' ? [b.v] : b.kind === 'list' ? b.v : undefined;
    if (!lits) return allOf(U);
    return perWorld((w): Tri => {
      const v = this.value(a.name, FACTS[w.name]);
      if (v === undefined) {
        // Unknown os_family/distribution on Azure Linux: it is none of the known names.
        if ((op === '==' || op === 'in') && lits.every((l) => KNOWN_NAMES.has(l.toLowerCase()))) return F;
        if (op === '!=' && lits.every((l) => KNOWN_NAMES.has(l.toLowerCase()))) return T;
        return U;
      }
      if (op === '==') return v === lits[0] ? T : F;
      if (op === '!=') return v !== lits[0] ? T : F;
      if (op === 'in') return lits.includes(v) ? T : F;
      // Facts are strings: without `| int` (or `| float`), a quoted literal is compared as a string, as Jinja does
      // ('43' < '8' holds, as on Fedora 43).
      if (!a.int && b.kind === 'lit' && b.quoted) {
        const s = lits[0]!;
        const r = op === '<' ? v < s : op === '<=' ? v <= s : op === '>' ? v > s : v >= s;
        return r ? T : F;
      }
      const x = parseFloat(v);
      const y = parseFloat(lits[0]!);
      if (!Number.isFinite(x) || !Number.isFinite(y)) return U;
      const r = op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
      return r ? T : F;
    });
  }
  version(name: Var, lit: string, op: string): Vec {
    this.numeric = true;
    const o = { eq: '==', lt: '<', le: '<=', gt: '>', ge: '>=', ne: '!=' }[op] ?? op;
    return this.compare({ kind: 'var', name, int: true }, o, { kind: 'lit', v: lit });
  }
}

function flip(op: string): string {
  return op === '<' ? '>' : op === '>' ? '<' : op === '<=' ? '>=' : op === '>=' ? '<=' : op;
}

/**
 * Evaluate an Ansible `when:` expression (raw Jinja, without braces) in every world. Unknown parts give U. Remembered
 * by expression (memoByText): a repository repeats the same few conditions (`ansible_os_family == 'Debian'`) in
 * every role, and both the Ansible adapter and ansible/os-family-gate evaluate each task's conditions. The result is
 * shared by every caller that evaluates the same expression: read it, never modify it.
 */
export const evalWhen: (expr: string) => WhenResult = memoByText(evaluate);

function evaluate(expr: string): WhenResult {
  const src = expr.replace(/^\s*\{\{\s*|\s*\}\}\s*$/g, '');
  const toks = tokenize(src);
  if (!toks) return { v: allOf(U), distro: /ansible_(os_family|distribution|pkg_mgr)|os_family/.test(src), numericVersion: false };
  const p = new P(toks);
  try {
    const v = p.expr();
    if (p.i < toks.length) return { v: allOf(U), distro: p.distro, numericVersion: p.numeric };
    return { v, distro: p.distro, numericVersion: p.numeric };
  } catch {
    return { v: allOf(U), distro: p.distro, numericVersion: p.numeric };
  }
}

export { FACTS as ANSIBLE_WORLD_FACTS };
