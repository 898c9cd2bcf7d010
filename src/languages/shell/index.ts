import { SourceText } from '../../core/source.js';
import { EmbeddedSource } from '../../core/sourcemap.js';
import { pathRefsFromCommands, type FileFacts } from '../../core/facts.js';
import type { FileNote } from '../../core/types.js';
import { packageRefsFromCommands } from '../../core/packages.js';
import { analyzeShell } from './model.js';
import { shellParser } from './parser.js';
import { maskShell } from './mask.js';
import { maskJinja } from '../systemd/embed.js';

/** Jinja templates of scripts (`install.sh.j2`, an Ansible role's `templates/run.j2` with a shebang). */
const JINJA_TEMPLATE = /\.(j2|jinja2?)$/i;

export async function analyzeShellFile(file: string, text: string): Promise<FileFacts> {
  const source = new SourceText(text);
  // A template's `{{ x }}` is a value the shell never sees and `{% %}` lines are gone once rendered: masked (same
  // length), they no longer read as brace groups or break the parse.
  const body = JINJA_TEMPLATE.test(file) ? maskJinja(text) : text;
  const shell = analyzeShell([{ source: EmbeddedSource.identity(maskShell(body, '\\', false), 0), origin: 'script' }], { parser: await shellParser() });
  const notes: FileNote[] = shell.problems.map((p) => ({ file, kind: 'parse', message: p.message, ...source.position(p.span.start) }));
  return {
    file,
    kind: 'shell',
    source,
    commands: shell.commands,
    detections: shell.detections,
    images: [],
    paths: pathRefsFromCommands(shell.commands),
    packages: packageRefsFromCommands(shell.commands, shell.assignments, source),
    assignments: shell.assignments,
    notes,
  };
}
