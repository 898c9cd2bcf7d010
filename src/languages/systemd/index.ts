import { SourceText } from '../../core/source.js';
import { EmbeddedSource } from '../../core/sourcemap.js';
import { pathRefsFromCommands, type FileFacts } from '../../core/facts.js';
import type { FileNote } from '../../core/types.js';
import { packageRefsFromCommands } from '../../core/packages.js';
import { analyzeShell, type ShellUnit, type Gate } from '../shell/model.js';
import { shellParser } from '../shell/parser.js';
import { EXEC_KEYS, execCommand, parseUnit, unitKindOfPath, type UnitFile } from './parse.js';
import { maskJinja, subSource } from './embed.js';

export type { UnitFile, UnitDirective } from './parse.js';

/** Facts of a file that contains systemd units (a unit file, or a host that writes one). */
export interface UnitFacts {
  units?: UnitFile[];
}

/** The units a file defines or writes (unit files, heredocs, Ansible copy content, cloud-init write_files). */
export function unitsOf(facts: FileFacts): UnitFile[] {
  const own = (facts as FileFacts & UnitFacts).units;
  if (own) return own;
  // Hosts whose adapters do not collect units (shell scripts): units written by heredocs in their shell code.
  let derived = DERIVED.get(facts);
  if (!derived) {
    derived = unitsInShell([...new Set(facts.commands.map((c) => c.unit))]);
    DERIVED.set(facts, derived);
  }
  return derived;
}
const DERIVED = new WeakMap<FileFacts, UnitFile[]>();

/** Shell code of the Exec*= lines of units: the command after its prefixes, as argv (sh -c bodies are followed). */
export function execSources(units: UnitFile[], gates: Gate[] = []): { source: EmbeddedSource; origin: string; gates?: Gate[] }[] {
  const out: { source: EmbeddedSource; origin: string; gates?: Gate[] }[] = [];
  for (const u of units) {
    for (const d of u.directives) {
      if (!EXEC_KEYS.has(d.key) || d.reset) continue;
      out.push({ source: execCommand(d).source, origin: `${d.key}=`, gates });
    }
  }
  return out;
}

export function unitNotes(file: string, source: SourceText, units: UnitFile[]): FileNote[] {
  return units.flatMap((u) => u.problems.map((p) => ({ file, kind: 'parse' as const, message: `${u.name}: ${p.message}`, ...source.position(p.span.start) })));
}

export async function analyzeSystemdFile(file: string, text: string): Promise<FileFacts & UnitFacts> {
  const source = new SourceText(text);
  const k = unitKindOfPath(file) ?? { type: 'service', dropIn: false, name: file.slice(file.lastIndexOf('/') + 1) };
  // A template by name, or by content: systemd gives `{{` no meaning, so a unit holding one is a template (Jinja, or Go
  // as in aks-engine's `ExecStart={{GetScriptPath}}`) whatever its name.
  const templated = /\.(j2|jinja2?|tmpl)$/.test(file) || text.includes('{{');
  const body = templated ? maskJinja(text) : text;
  const unit = parseUnit(EmbeddedSource.identity(body.replace(/^\uFEFF/, ' '), 0), { ...k, path: undefined, origin: 'file' });
  const units = [unit];
  const sources = execSources(units);
  const shell = sources.length ? analyzeShell(sources, { parser: await shellParser() }) : undefined;
  const commands = shell?.commands ?? [];
  const notes = unitNotes(file, source, units);
  for (const p of shell?.problems ?? []) notes.push({ file, kind: 'parse', message: p.message, ...source.position(p.span.start) });
  return {
    file,
    kind: 'systemd',
    source,
    commands,
    detections: shell?.detections ?? [],
    images: [],
    paths: pathRefsFromCommands(commands),
    packages: packageRefsFromCommands(commands),
    assignments: shell?.assignments ?? [],
    notes,
    units,
  };
}

const UNIT_PATH = String.raw`(\/[^\s'";|&<>]+\.(?:service|socket|timer|mount|automount|path|target|swap|slice)(?:\.d\/[^\s'";|&<>]+\.conf)?)`;
const HEREDOC_LINE = new RegExp(String.raw`<<-?[ \t]*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1`);
const TARGET_RE = new RegExp(String.raw`(?:>>?|\btee\b(?:[ \t]+-a)?)[ \t]*['"]?` + UNIT_PATH);

/**
 * Unit text written by a shell heredoc (`cat > /etc/systemd/system/x.service <<'EOF' ... EOF`,
 * `tee /etc/systemd/system/x.service <<EOF`): parsed as a unit with positions in the host file.
 */
export function unitsInShell(units: ShellUnit[]): UnitFile[] {
  const out: UnitFile[] = [];
  for (const su of units) {
    const text = su.source.text;
    let lineStart = 0;
    while (lineStart < text.length) {
      let nl = text.indexOf('\n', lineStart);
      if (nl < 0) nl = text.length;
      const line = text.slice(lineStart, nl);
      const h = HEREDOC_LINE.exec(line);
      const t = h ? TARGET_RE.exec(line) : null;
      if (h && t) {
        const delim = h[2]!;
        const strip = line.slice(h.index).startsWith('<<-');
        const bodyStart = nl + 1;
        let p = bodyStart;
        let bodyEnd = -1;
        while (p <= text.length) {
          let e = text.indexOf('\n', p);
          if (e < 0) e = text.length;
          const l = text.slice(p, e).replace(/\r$/, '');
          if ((strip ? l.replace(/^\t+/, '') : l) === delim) {
            bodyEnd = p;
            break;
          }
          if (e >= text.length) break;
          p = e + 1;
        }
        if (bodyEnd > bodyStart) {
          const path = t[1]!;
          const k = unitKindOfPath(path);
          if (k) out.push(parseUnit(subSource(su.source, bodyStart, bodyEnd), { ...k, path, origin: 'heredoc' }));
          lineStart = bodyEnd;
          continue;
        }
      }
      lineStart = nl + 1;
    }
  }
  return out;
}
