import { SourceText } from '../../core/source.js';
import { EmbeddedSource } from '../../core/sourcemap.js';
import { pathRefsFromCommands, type FileFacts } from '../../core/facts.js';
import type { FileNote } from '../../core/types.js';
import { packageRefsFromCommands } from '../../core/packages.js';
import { analyzeShell } from './model.js';
import { shellParser } from './parser.js';
import { maskShell } from './mask.js';

export async function analyzeShellFile(file: string, text: string): Promise<FileFacts> {
  const source = new SourceText(text);
  const shell = analyzeShell([{ source: EmbeddedSource.identity(maskShell(text, '\\', false), 0), origin: 'script' }], { parser: await shellParser() });
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
