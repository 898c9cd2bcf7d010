import type { FileFacts, FileKind } from '../core/facts.js';

/** A host language: how files of its kind are recognised and analysed. More kinds plug in here. */
export interface LanguageAdapter {
  kind: FileKind;
  /** By path alone (POSIX, relative). */
  matchName(relPath: string, base: string): boolean;
  /** By content, for files the name did not place (e.g. extension-less scripts with a shebang). */
  matchContent?(head: string): boolean;
  /** Files with an extension whose content is also worth sniffing with matchContent (YAML: cloud-config, playbooks). */
  sniffName?(base: string): boolean;
  analyze(file: string, text: string): Promise<FileFacts>;
}

const UNIT_TYPES = 'service|socket|timer|mount|automount|path|target|swap|slice';
const UNIT_FILE = new RegExp(`(^|/)[^/]+\\.(${UNIT_TYPES})(\\.(j2|jinja2?|in|tmpl))?$`);
const UNIT_DROPIN = new RegExp(`(^|/)[^/]+\\.(${UNIT_TYPES})\\.d/[^/]+\\.conf(\\.(j2|jinja2?|in|tmpl))?$`);
/** systemd unit files and their drop-ins (`x.service.d/override.conf`), also as templates (`x.service.j2`). */
function isUnitPath(p: string): boolean {
  return UNIT_FILE.test(p) || UNIT_DROPIN.test(p);
}

const SHELL_SHEBANG = /^#!\s*(?:\/usr)?\/bin\/(?:env\s+(?:-S\s+)?)?(?:sh|bash|dash|ash|ksh)\b/;

export const ADAPTERS: LanguageAdapter[] = [
  {
    kind: 'dockerfile',
    matchName: (_p, base) => /^(Dockerfile|Containerfile)(\..+)?$/i.test(base) || /\.(dockerfile|containerfile)$/i.test(base),
    analyze: async (file, text) => (await import('./dockerfile/index.js')).analyzeDockerfile(file, text),
  },
  {
    kind: 'shell',
    matchName: (_p, base) => /\.(sh|bash)$/i.test(base),
    matchContent: (head) => SHELL_SHEBANG.test(head.replace(/^\uFEFF/, '')),
    analyze: async (file, text) => (await import('./shell/index.js')).analyzeShellFile(file, text),
  },
  {
    kind: 'systemd',
    matchName: (p) => isUnitPath(p),
    analyze: async (file, text) => (await import('./systemd/index.js')).analyzeSystemdFile(file, text),
  },
];

export function adapterFor(kind: FileKind): LanguageAdapter {
  const a = ADAPTERS.find((x) => x.kind === kind);
  if (!a) throw new Error(`no adapter for ${kind}`);
  return a;
}
