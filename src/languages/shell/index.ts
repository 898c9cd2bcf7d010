import { SourceText } from '../../core/source.js';
import { EmbeddedSource } from '../../core/sourcemap.js';
import { pathRefsFromCommands, type FileFacts } from '../../core/facts.js';
import type { FileNote } from '../../core/types.js';
import { packageRefsFromCommands } from '../../core/packages.js';
import { analyzeShell } from './model.js';
import { shellParser } from './parser.js';
import { maskShell } from './mask.js';
import { isJinjaTemplateName, maskJinja } from '../systemd/embed.js';

export async function analyzeShellFile(file: string, text: string): Promise<FileFacts> {
  const source = new SourceText(text);
  // A script template (`install.sh.j2`, a role's `templates/run.j2` with a shebang): its `{{ x }}` is a value the
  // shell never sees and its `{% %}` lines are gone once rendered; masked (same length), they no longer read as brace
  // groups or break the parse.
  const body = isJinjaTemplateName(file) ? maskJinja(text) : text;
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
