import type { FileFacts, FileKind } from '../core/facts.js';
import { unitKindOfPath } from './systemd/parse.js';

/** A host language: how files of its kind are recognised and analysed. More kinds plug in here. */
export interface LanguageAdapter {
  kind: FileKind;
  /** By path alone (POSIX, relative). */
  matchName(relPath: string, base: string): boolean;
  /** By content, for files the name did not place (e.g. extension-less scripts with a shebang). */
  matchContent?(head: string): boolean;
  /** Files whose content is worth sniffing with matchContent (a script without an extension, YAML that may be cloud-config). */
  sniffName?(base: string): boolean;
  analyze(file: string, text: string): Promise<FileFacts>;
}

/**
 * An adapter's analyze(): its module is imported on the first file of its kind and then kept, since `import()` of
 * a module that is already loaded still goes through the module loader (about 10 µs per call, once per file).
 */
function lazyAnalyze<M>(load: () => Promise<M>, pick: (m: M) => (file: string, text: string) => FileFacts | Promise<FileFacts>): LanguageAdapter['analyze'] {
  let mod: M | undefined;
  return async (file, text) => pick(mod ?? (mod = await load()))(file, text);
}

/** Heads come decoded as latin1 (discovery) or UTF-8 (tests): drop a byte-order mark in either form. */
function stripBom(head: string): string {
  return head.replace(/^(?:\uFEFF|\u00EF\u00BB\u00BF)/, '');
}

/** Role folders, inventory variables and task folders of Ansible projects. */
function isAnsiblePath(p: string): boolean {
  if (/(^|\/)\.github\//.test(p)) return false;
  if (/(^|\/)(group_vars|host_vars)\/([^/]+\/)*[^/.]+(\.ya?ml)?$/.test(p)) return true;
  if (!/\.ya?ml$/i.test(p)) return false;
  // A role's folders, also of a role kept as a repository of its own (tasks/, vars/, ... at the top).
  return /(^|\/)roles\/[^/]+\/(tasks|handlers|vars|defaults|meta)\//.test(p) || /^(vars|defaults|meta)\/[^/]+\.ya?ml$/.test(p) || /(^|\/)(tasks|handlers)\/[^/]+\.ya?ml$/.test(p) || /(^|\/)(site|playbook[^/]*)\.ya?ml$/i.test(p);
}

/** A playbook (a list of plays with hosts:) or a task list (items with a module and task keywords). */
function looksLikeAnsible(head: string): boolean {
  const h = stripBom(head);
  if (/^#cloud-config/.test(h)) return false;
  const body = h.replace(/^(?:---[^\n]*\n|#[^\n]*\n|[ \t]*\r?\n)*/, '');
  if (!/^-[ \t]/.test(body)) return false;
  if (/^-?[ \t]+(hosts|import_playbook|ansible\.builtin\.import_playbook)[ \t]*:/m.test(body)) return true;
  return /^-[ \t]+name[ \t]*:/.test(body) && /\n[ \t]+(ansible\.(builtin|posix)\.\w+|community\.general\.\w+|apt|package|dnf|yum|service|systemd|shell|command|copy|template|lineinfile|user|include_tasks|import_tasks|include_vars|become|when|notify|register)[ \t]*:/.test(body);
}

/** Extensions of files that are never shell scripts (documents, data, images, archives, other languages). */
const NOT_SCRIPT_EXT =
  /\.(md|markdown|rst|adoc|txt|json|jsonc|ya?ml|toml|ini|cfg|conf|xml|html?|css|s[ac]ss|less|m?[jt]sx?|cjs|cts|mts|py|pyc|rb|go|rs|java|kt|kts|scala|groovy|gradle|c|h|cc|cpp|cxx|hpp|hh|cs|fs|vb|php|pl|pm|lua|swift|m|mm|r|jl|dart|ex|exs|erl|hs|clj|sql|csv|tsv|lock|log|sum|mod|png|jpe?g|gif|svg|ico|bmp|webp|pdf|zip|gz|tgz|xz|bz2|zst|7z|tar|jar|war|ear|so|a|o|obj|bin|exe|dll|dylib|class|woff2?|ttf|eot|otf|mp[34]|wav|ogg|pem|crt|cer|key|pub|asc|gpg|sig|rpm|deb|apk|iso|img|qcow2|vhdx?|vmdk|patch|diff|tf|tfvars|hcl|bicep|service|socket|timer|mount|path|target|j2|tmpl|tpl|tftpl|gitignore|dockerignore|editorconfig|gitattributes|env|properties|xsd|wsdl|proto|graphql|ipynb|svelte|vue|erb|ejs|hbs|mustache|njk)$/i;

const SHELL_SHEBANG = /^#!\s*(?:\/usr)?\/bin\/(?:env\s+(?:-S\s+)?)?(?:sh|bash|dash|ash|ksh)\b/;

export const ADAPTERS: LanguageAdapter[] = [
  {
    kind: 'dockerfile',
    matchName: (_p, base) => /^(Dockerfile|Containerfile)(\..+)?$/i.test(base) || /\.(dockerfile|containerfile)$/i.test(base),
    analyze: lazyAnalyze(() => import('./dockerfile/index.js'), (m) => m.analyzeDockerfile),
  },
  {
    kind: 'shell',
    matchName: (_p, base) => /\.(sh|bash)$/i.test(base),
    matchContent: (head) => SHELL_SHEBANG.test(stripBom(head)),
    // Scripts named like `setup_22.x` or `install.run` have an extension that says nothing: look for a shebang
    // in every file whose extension is not a known non-script type.
    sniffName: (base) => !NOT_SCRIPT_EXT.test(base),
    analyze: lazyAnalyze(() => import('./shell/index.js'), (m) => m.analyzeShellFile),
  },
  {
    kind: 'systemd',
    // systemd unit files and drop-ins (`x.service.d/override.conf`), also as templates (`x.service.j2`).
    matchName: (p) => unitKindOfPath(p) !== undefined,
    analyze: lazyAnalyze(() => import('./systemd/index.js'), (m) => m.analyzeSystemdFile),
  },
  {
    kind: 'cloud-init',
    matchName: (p, base) => /^(user-data|cloud-config)(\.ya?ml|\.txt|\.cfg)?$/i.test(base) && !/\.github\//.test(p),
    matchContent: (head) => /^#cloud-config[ \t]*\r?(\n|$)/.test(stripBom(head)),
    sniffName: (base) => /\.(ya?ml|cfg|txt|tpl|tftpl|tmpl|j2)$/i.test(base),
    analyze: lazyAnalyze(() => import('./cloudinit/index.js'), (m) => m.analyzeCloudConfig),
  },
  {
    kind: 'ansible',
    matchName: (p) => isAnsiblePath(p),
    matchContent: (head) => looksLikeAnsible(head),
    sniffName: (base) => /\.ya?ml$/i.test(base),
    analyze: lazyAnalyze(() => import('./ansible/index.js'), (m) => m.analyzeAnsibleFile),
  },
  {
    kind: 'terraform',
    matchName: (_p, base) => /\.tf(\.json)?$/i.test(base),
    analyze: lazyAnalyze(() => import('./terraform/index.js'), (m) => m.analyzeTerraform),
  },
  {
    kind: 'packer',
    matchName: (_p, base) => /\.pkr\.(hcl|json)$/i.test(base),
    matchContent: (head) => /^\s*\{[\s\S]*"(builders|provisioners)"\s*:/.test(stripBom(head)) && !/deploymentTemplate/.test(head),
    sniffName: (base) => /\.json$/i.test(base),
    analyze: lazyAnalyze(() => import('./packer/index.js'), (m) => m.analyzePacker),
  },
  {
    kind: 'bicep',
    matchName: (_p, base) => /\.bicep$/i.test(base),
    analyze: lazyAnalyze(() => import('./bicep/index.js'), (m) => m.analyzeBicep),
  },
  {
    kind: 'arm',
    matchName: () => false,
    matchContent: (head) => /schema\.management\.azure\.com\/schemas\/[^"]*deploymentTemplate\.json/i.test(head),
    sniffName: (base) => /\.json$/i.test(base),
    analyze: lazyAnalyze(() => import('./arm/index.js'), (m) => m.analyzeArm),
  },
  {
    kind: 'workflow',
    matchName: (p, base) => /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i.test(p) || /^azure-pipelines([.-][^/]*)?\.ya?ml$/i.test(base) || /^\.gitlab-ci\.ya?ml$/i.test(base) || /(^|\/)\.azure-pipelines\/[^/]+\.ya?ml$/i.test(p),
    analyze: lazyAnalyze(() => import('./workflows/index.js'), (m) => m.analyzeWorkflow),
  },
  {
    kind: 'compose',
    matchName: (_p, base) => /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i.test(base),
    analyze: lazyAnalyze(() => import('./compose/index.js'), (m) => m.analyzeCompose),
  },
  {
    kind: 'tsjs',
    matchName: (_p, base) => /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i.test(base) && !/\.d\.[mc]?ts$/i.test(base) && !/\.min\.js$/i.test(base),
    analyze: lazyAnalyze(() => import('./tsjs/index.js'), (m) => m.analyzeTsJs),
  },
  {
    kind: 'python',
    matchName: (_p, base) => /\.pyw?$/i.test(base),
    matchContent: (head) => /^#!\s*(?:\/usr)?(?:\/local)?\/bin\/(?:env\s+(?:-S\s+)?)?python[0-9.]*\b/.test(stripBom(head)),
    analyze: lazyAnalyze(() => import('./python/index.js'), (m) => m.analyzePythonFile),
  },
];

export function adapterFor(kind: FileKind): LanguageAdapter {
  const a = ADAPTERS.find((x) => x.kind === kind);
  if (!a) throw new Error(`no adapter for ${kind}`);
  return a;
}
