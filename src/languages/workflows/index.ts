import type { FileFacts, ImagePart, ImageRef } from '../../core/facts.js';
import { EmbeddedSource } from '../../core/sourcemap.js';
import type { YValue } from '../ansible/facts.js';
import { scalarSource } from '../ansible/yaml.js';
import { emptyCollected, finishFacts, parseHostDocument, type CiJob, type Collected, type Setting } from '../infra/model.js';
import { ySetting } from '../infra/obj.js';

type Host = CiJob['host'];

export function ciHostOf(file: string): Host {
  if (/(^|\/)\.github\/workflows\//.test(file) || /\.workflow\./.test(file) && !/gitlab|azure/.test(file)) return 'github-actions';
  if (/(^|\/)\.gitlab-ci\.ya?ml$/i.test(file) || /gitlab/i.test(file)) return 'gitlab-ci';
  return 'azure-pipelines';
}

/**
 * Same-length masking of CI expressions so the shell sees a variable, not code: `${{ x }}` (Actions, Pipelines
 * templates) and Azure Pipelines macros `$(Build.SourcesDirectory)` (names with a dot; `$(cmd)` stays a command
 * substitution, as Pipelines leaves unknown macros to the shell).
 */
export function maskCi(text: string, host: Host): string {
  let out = text.replace(/\$\{\{[\s\S]*?\}\}/g, (m) => '$' + m.slice(1).replace(/[^\n]/g, '_'));
  if (host === 'azure-pipelines') out = out.replace(/\$\(([A-Za-z_][\w]*(?:\.[\w]+)+)\)/g, (m) => '$' + '_'.repeat(m.length - 1));
  return out.replace(/\r(?=\n)/g, ' ');
}

function shellOf(host: string, v: YValue, ci: Host, origin: string): { source: EmbeddedSource; origin: string } {
  const s = scalarSource(host, v.span);
  return { source: new EmbeddedSource(maskCi(s.text, ci), s.segments, s.hostSpan), origin };
}

function containerRef(host: string, v: YValue | undefined, ciHost: string): ImageRef | undefined {
  const img = v?.value !== undefined ? v : v?.entries?.get('image') ?? v?.entries?.get('name');
  const s = ySetting(host, img);
  if (!s || s.value === undefined || s.value === '') return undefined;
  const expr = /\$\{\{|\$\(|\$[A-Za-z_{]/.test(s.value);
  return { image: s.value, raw: s.value, span: s.span, exact: s.exact, unresolved: expr, context: 'container-image', host: ciHost };
}

/** The job runs in an Azure Linux 4.0 container: fixes to its commands keep it working. */
const AZL4_IMAGE = /^mcr\.microsoft\.com\/(azurelinux-beta\/|azurelinux\/[^:]*:4)/i;
function onAzl4(containers: ImagePart[]): boolean {
  return containers.some((c) => c.value !== undefined && AZL4_IMAGE.test(c.value));
}

/** Commands of jobs that run elsewhere (an Ubuntu runner or image) are reported but not fixed. */
function guard(c: Collected, from: number, containers: ImagePart[]): void {
  if (onAzl4(containers)) return;
  for (const s of c.shell.slice(from)) (c.noFix ??= []).push(s.source.hostSpan);
}

function githubActions(text: string, root: YValue, c: Collected): void {
  for (const [name, job] of root.entries?.get('jobs')?.entries ?? []) {
    const e = job.entries;
    if (!e) continue;
    const j: CiJob = { host: 'github-actions', name, span: job.keySpan ?? job.span, runners: [], containers: [] };
    const runsOn = e.get('runs-on');
    const matrix = e.get('strategy')?.entries?.get('matrix')?.entries;
    const addRunner = (v: YValue) => {
      const s = ySetting(text, v);
      if (!s) return;
      const m = s.value && /^\$\{\{\s*matrix\.([\w-]+)\s*\}\}$/.exec(s.value);
      if (m) {
        for (const it of matrix?.get(m[1]!)?.items ?? []) addRunner(it);
        for (const inc of matrix?.get('include')?.items ?? []) {
          const x = inc.entries?.get(m[1]!);
          if (x) addRunner(x);
        }
        return;
      }
      j.runners.push(s);
    };
    if (runsOn?.items) runsOn.items.forEach(addRunner);
    else if (runsOn) addRunner(runsOn);
    const ct = containerRef(text, e.get('container'), 'github-actions');
    if (ct) {
      c.images.push(ct);
      j.containers.push({ value: ct.image, span: ct.span, exact: ct.exact });
    }
    for (const [, svc] of e.get('services')?.entries ?? []) {
      const r = containerRef(text, svc, 'github-actions');
      if (r) c.images.push(r);
    }
    const first = c.shell.length;
    for (const step of e.get('steps')?.items ?? []) {
      const se = step.entries;
      if (!se) continue;
      const uses = se.get('uses');
      if (uses?.value?.startsWith('docker://')) {
        const s = ySetting(text, uses)!;
        c.images.push({ image: s.value!.slice(9), raw: s.value!.slice(9), span: { start: s.span.start + 9, end: s.span.end }, exact: s.exact, unresolved: false, context: 'container-image', host: 'github-actions' });
      }
      const run = se.get('run');
      // Without `shell:`, steps run in bash, except on Windows runners (pwsh).
      const windows = j.runners.length > 0 && j.runners.every((r) => r.value !== undefined && /windows/i.test(r.value));
      const shell = se.get('shell')?.value ?? e.get('defaults')?.entries?.get('run')?.entries?.get('shell')?.value ?? root.entries?.get('defaults')?.entries?.get('run')?.entries?.get('shell')?.value ?? (windows ? 'pwsh' : 'bash');
      if (run?.value !== undefined && /^(bash|sh)\b/.test(shell)) c.shell.push(shellOf(text, run, 'github-actions', `github-actions job ${name} run`));
    }
    guard(c, first, j.containers);
    c.infra.ciJobs.push(j);
  }
}

const GITLAB_RESERVED = new Set(['stages', 'variables', 'default', 'include', 'workflow', 'image', 'services', 'before_script', 'after_script', 'cache', 'pages:deploy']);

function gitlab(text: string, root: YValue, c: Collected): void {
  const e = root.entries ?? new Map<string, YValue>();
  const defImage = e.get('image') ?? e.get('default')?.entries?.get('image');
  const scripts = (owner: string, v: YValue | undefined) => {
    const walk = (x: YValue) => {
      if (x.value !== undefined) c.shell.push(shellOf(text, x, 'gitlab-ci', `gitlab-ci ${owner} script`));
      else x.items?.forEach(walk);
    };
    if (v) walk(v);
  };
  const images = (v: YValue | undefined): ImagePart[] => {
    const r = containerRef(text, v, 'gitlab-ci');
    if (!r) return [];
    c.images.push(r);
    return [{ value: r.image, span: r.span, exact: r.exact }];
  };
  const def = images(defImage);
  for (const s of [...(e.get('services')?.items ?? []), ...(e.get('default')?.entries?.get('services')?.items ?? [])]) images(s);
  const firstDefault = c.shell.length;
  for (const k of ['before_script', 'after_script']) scripts('default', e.get(k) ?? e.get('default')?.entries?.get(k));
  guard(c, firstDefault, def);
  for (const [name, job] of e) {
    if (GITLAB_RESERVED.has(name) || !job.entries) continue;
    const je = job.entries;
    if (name.startsWith('.')) {
      // A hidden job is a template for `extends:`: its scripts run in the jobs that extend it.
      for (const k of ['before_script', 'script', 'after_script']) scripts(name, je.get(k));
      continue;
    }
    if (!je.has('script') && !je.has('trigger') && !je.has('extends')) continue;
    const own = images(je.get('image'));
    for (const s of je.get('services')?.items ?? []) images(s);
    const first = c.shell.length;
    for (const k of ['before_script', 'script', 'after_script']) scripts(name, je.get(k));
    guard(c, first, own.length ? own : def);
    c.infra.ciJobs.push({ host: 'gitlab-ci', name, span: job.keySpan ?? job.span, runners: [], containers: own.length ? own : def });
  }
}

function azurePipelines(text: string, root: YValue, c: Collected): void {
  const containers = new Map<string, ImagePart>();
  for (const r of root.entries?.get('resources')?.entries?.get('containers')?.items ?? []) {
    const ref = containerRef(text, r.entries?.get('image'), 'azure-pipelines');
    const alias = r.entries?.get('container')?.value;
    if (ref) {
      c.images.push(ref);
      if (alias) containers.set(alias, { value: ref.image, span: ref.span, exact: ref.exact });
    }
  }
  const poolOf = (v: YValue | undefined): Setting[] => {
    if (!v) return [];
    if (v.value !== undefined) return [ySetting(text, v)!];
    const vm = v.entries?.get('vmImage');
    return vm ? [ySetting(text, vm)!] : v.entries?.get('name') ? [ySetting(text, v.entries.get('name'))!] : [];
  };
  const steps = (owner: string, v: YValue | undefined) => {
    for (const st of v?.items ?? []) {
      const se = st.entries;
      if (!se) continue;
      for (const k of ['script', 'bash']) {
        const s = se.get(k);
        if (s?.value !== undefined) c.shell.push(shellOf(text, s, 'azure-pipelines', `azure-pipelines ${owner} ${k}`));
      }
      const task = se.get('task')?.value ?? '';
      const inline = se.get('inputs')?.entries?.get('inlineScript') ?? se.get('inputs')?.entries?.get('script');
      if (/^(Bash|AzureCLI|ShellScript)@/i.test(task) && inline?.value !== undefined && se.get('inputs')?.entries?.get('scriptType')?.value !== 'pscore' && se.get('inputs')?.entries?.get('scriptType')?.value !== 'ps') c.shell.push(shellOf(text, inline, 'azure-pipelines', `azure-pipelines ${owner} ${task}`));
    }
  };
  const job = (j: YValue, inherited: Setting[]) => {
    const je = j.entries!;
    const name = je.get('job')?.value ?? je.get('deployment')?.value ?? 'job';
    const runners = poolOf(je.get('pool'));
    const cj: CiJob = { host: 'azure-pipelines', name, span: je.get('job')?.span ?? je.get('deployment')?.span ?? j.span, runners: runners.length ? runners : inherited, containers: [] };
    const ct = je.get('container');
    if (ct?.value !== undefined && containers.has(ct.value)) cj.containers.push(containers.get(ct.value)!);
    else {
      const r = containerRef(text, ct, 'azure-pipelines');
      if (r) {
        c.images.push(r);
        cj.containers.push({ value: r.image, span: r.span, exact: r.exact });
      }
    }
    const first = c.shell.length;
    steps(name, je.get('steps'));
    for (const k of ['preDeploy', 'deploy', 'routeTraffic', 'postRouteTraffic']) steps(name, je.get('strategy')?.entries?.get('runOnce')?.entries?.get(k)?.entries?.get('steps'));
    guard(c, first, cj.containers);
    c.infra.ciJobs.push(cj);
  };
  const top = poolOf(root.entries?.get('pool'));
  const jobs = (v: YValue | undefined, inherited: Setting[]) => {
    for (const j of v?.items ?? []) if (j.entries && (j.entries.has('job') || j.entries.has('deployment'))) job(j, inherited);
  };
  for (const s of root.entries?.get('stages')?.items ?? []) {
    if (!s.entries) continue;
    const sp = poolOf(s.entries.get('pool'));
    jobs(s.entries.get('jobs'), sp.length ? sp : top);
  }
  jobs(root.entries?.get('jobs'), top);
  if (root.entries?.has('steps')) {
    const first = c.shell.length;
    steps('pipeline', root.entries.get('steps'));
    guard(c, first, []);
    c.infra.ciJobs.push({ host: 'azure-pipelines', name: 'pipeline', span: root.entries.get('steps')!.keySpan ?? root.span, runners: top, containers: [] });
  }
}

/** A CI definition: GitHub Actions workflow, Azure Pipelines or GitLab CI. */
export async function analyzeWorkflow(file: string, text: string): Promise<FileFacts> {
  const c = emptyCollected(text);
  const root = parseHostDocument(file, text, c);
  const host = ciHostOf(file);
  c.infra.ci = host;
  if (root?.entries) {
    if (host === 'github-actions') githubActions(text, root, c);
    else if (host === 'gitlab-ci') gitlab(text, root, c);
    else azurePipelines(text, root, c);
  }
  return finishFacts(file, 'workflow', text, c);
}
