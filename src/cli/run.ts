import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { UsageError, DEFAULT_TARGET, knownTargets } from '../knowledge/target.js';
import { rulesPath } from '../knowledge/paths.js';
import { allRules, findRule } from '../rules/index.js';
import { ConfigError } from '../policy/config.js';
import { BaselineError } from '../policy/baseline.js';
import { GitError } from '../policy/changed-lines.js';
import { FORMATS, outputSpecs, runScan, type ScanCliOptions } from './scan-command.js';
import { TOOL_VERSION } from '../version.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  /** Environment (default: process.env); GITHUB_WORKSPACE places the github format's paths. */
  env?: Record<string, string | undefined>;
  /** Today, for suppression expiry (default: now). */
  now?: Date;
  /** Which standard streams are terminals (default: none). The scan shows the Ink report and a progress line only on terminals. */
  tty?: import('../ui/mode.js').Terminal;
}

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  tty: { stdin: process.stdin.isTTY === true, stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true, columns: process.stderr.columns },
};

/** Exit codes (stable, documented in the README). */
export const EXIT = { OK: 0, FINDINGS: 1, USAGE: 2, INTERNAL: 3 } as const;

/** Run the CLI; returns the exit code. */
export async function run(argv: string[], io: Io = defaultIo): Promise<number> {
  let code: number = EXIT.OK;
  const program = new Command('azl-migrate')
    .description('Finds what will break when a repository moves to Azure Linux 4.0, and fixes what can be fixed safely.')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run azl-migrate --help for usage)');

  const outputs: { kind: 'format' | 'output'; value: string }[] = [];
  const collect = (kind: 'format' | 'output') => (value: string) => {
    if (kind === 'format' && !(FORMATS as readonly string[]).includes(value)) throw new InvalidArgumentError(`Allowed choices are ${FORMATS.join(', ')}.`);
    outputs.push({ kind, value });
    return value;
  };
  program
    .command('scan', { isDefault: true })
    .description('scan files and directories for Azure Linux 4.0 migration problems')
    .argument('[paths...]', 'files or directories to scan', ['.'])
    .option('--root <dir>', 'scan root: reported paths are relative to it (default: the current directory, or the one directory given)')
    .option('-t, --target <target>', `target platform (${knownTargets().join(', ')}; default: the config's target, else ${DEFAULT_TARGET})`)
    .option('-f, --format <format>', `report format: ${FORMATS.join(', ')} (repeatable; each --output goes with the --format before it)`, collect('format'))
    .option('-o, --output <file>', 'write the report of the preceding --format to a file instead of standard output', collect('output'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when an open finding is at or above this severity (default: the config\'s fail-on, else error)').choices(['error', 'warning', 'info', 'none']))
    .option('--fail-on-blocker', 'also exit 1 when any open finding is a migration blocker, whatever its severity')
    .option('--config <file>', 'config file (default: .azl-migrate.yaml in the scan root, if present)')
    .option('--no-config', 'ignore any config file')
    .option('--baseline <file>', 'accept the findings listed in this baseline file (they are reported as accepted, and do not fail the run)')
    .option('--update-baseline', 'write the current findings to the --baseline file, then report against it')
    .option('--changed-since <git-ref>', 'report only findings on lines changed since this git ref (committed or not)')
    .option('--show-suppressed', 'also list findings silenced by azl-migrate-ignore comments')
    .option('--max-file-size <bytes>', 'skip files larger than this', (v) => parsePositiveInt(v, '--max-file-size'))
    .option('--file-time-budget <ms>', 'skip a file whose analysis takes longer (0: no limit; default 5000)', (v) => parseNonNegativeInt(v, '--file-time-budget'))
    .option('--cache', 'reuse the results of unchanged files from a content-hash cache (.azl-migrate-cache in the scan root)')
    .option('--cache-location <file>', 'the cache file (implies --cache)')
    .option('-j, --jobs <n>', 'analyse in this many worker threads, at most one per 200 files (default: one per about 3 s of estimated analysis, up to the CPUs this process may use, a container\'s CPU limit included, and 8)', (v) => parsePositiveInt(v, '--jobs'))
    .action(async (paths: string[], opts: ScanCliOptions) => {
      code = await runScan(scanRoot(paths, opts.root, io.cwd), { ...opts, explicitOutput: outputs.length > 0 }, outputSpecs(outputs), io);
    });

  program
    .command('report')
    .description('write a readiness report (HTML or Markdown) from a scan, or across saved JSON results of several repositories')
    .argument('[inputs...]', 'folders or files to scan, and/or saved results of azl-migrate scan --format json (one per repository)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['html', 'md']).default('html'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--root <dir>', 'scan root for the folders and files given')
    .option('-t, --target <target>', 'target platform for what is scanned (default: the config\'s target)')
    .option('--config <file>', 'config file for what is scanned (default: .azl-migrate.yaml in the scan root)')
    .option('--no-config', 'ignore any config file')
    .option('--name <name>', 'name of the scanned repository in the report (default: the scan root folder name)')
    .option('--title <title>', 'report title')
    .option('-j, --jobs <n>', 'analyse in this many worker threads, at most one per 200 files (default: one per about 3 s of estimated analysis, up to the CPUs this process may use, a container\'s CPU limit included, and 8)', (v) => parsePositiveInt(v, '--jobs'))
    .action(async (inputs: string[], opts: import('./report-command.js').ReportCliOptions) => {
      const { runReport } = await import('./report-command.js');
      code = await runReport(inputs, opts, io, scanRoot);
    });

  program
    .command('fix')
    .description('apply safe fixes (and, with --unsafe, fixes that change behaviour); --dry-run prints a diff instead')
    .argument('[paths...]', 'files or directories to fix', ['.'])
    .option('--root <dir>', 'scan root: reported paths are relative to it')
    .option('-t, --target <target>', `target platform (${knownTargets().join(', ')})`)
    .option('--unsafe', 'also apply fixes that change behaviour and need review', false)
    .option('--dry-run', 'print a unified diff (git apply accepts it) and change nothing', false)
    .option('--rule <id...>', 'only fixes of these rules')
    .action(async (paths: string[], opts: { root?: string; target?: string; unsafe: boolean; dryRun: boolean; rule?: string[] }) => {
      const { runFixCommand } = await import('./fix.js');
      const where = scanRoot(paths, opts.root, io.cwd);
      code = await runFixCommand({ root: where.root, paths: where.rel, target: opts.target, unsafe: opts.unsafe, dryRun: opts.dryRun, rules: opts.rule }, io);
    });

  program
    .command('explain')
    .description("show a rule's documentation")
    .argument('<rule-id>', 'rule id, e.g. pkgmgr/apt')
    .action((id: string) => {
      const rule = findRule(id);
      const doc = readFileSync(rulesPath(...rule.meta.id.split('/'), 'rule.md'), 'utf8');
      const m = rule.meta;
      io.stdout(`${m.id}: ${m.title}\nseverity: ${m.severity}${m.blocker ? ' (blocker)' : ''}, category: ${m.category}, fix: ${m.fixable || 'none'}\n\n${doc.trimEnd()}\n`);
    });

  program
    .command('rules')
    .description('list the rules')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((opts: { format: string }) => {
      const rules = allRules().map((r) => r.meta);
      if (opts.format === 'json') io.stdout(JSON.stringify(rules, null, 2) + '\n');
      else {
        const w = Math.max(...rules.map((r) => r.id.length));
        for (const r of rules) io.stdout(`${r.id.padEnd(w)}  ${r.severity.padEnd(7)}  ${(r.blocker ? 'blocker' : '').padEnd(7)}  ${r.title}\n`);
      }
    });

  program
    .command('pkg')
    .description('look up the Azure Linux 4.0 name, channel and image membership of packages')
    .argument('<names...>', 'package names')
    .addOption(new Option('--from <distro>', 'the distribution the names come from').choices(['debian', 'alpine', 'el', 'azurelinux-3.0', 'azurelinux-4.0']).default('debian'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--catalog <file>', 'use this catalog instead of the shipped one')
    .action(async (names: string[], opts: { from: string; format: 'text' | 'json'; catalog?: string }) => {
      const { runPkg } = await import('./pkg.js');
      code = await runPkg({ names, from: opts.from, format: opts.format, catalog: opts.catalog }, io);
    });

  const catalog = program.command('catalog').description('manage the package catalog');
  catalog
    .command('import')
    .description('build a catalog from rpm-md primary.xml(.gz) files of a repository mirror')
    .argument('<files...>', 'primary.xml or primary.xml.gz files')
    .addOption(new Option('--channel <channel>', 'channel the packages belong to').choices(['base', 'sdk']).default('base'))
    .requiredOption('-o, --output <file>', 'catalog file to write')
    .action(async (files: string[], opts: { channel: 'base' | 'sdk'; output: string }) => {
      const { runCatalogImport } = await import('./catalog.js');
      code = await runCatalogImport({ files: files.map((f) => resolve(io.cwd, f)), channel: opts.channel, output: resolve(io.cwd, opts.output) }, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.OK;
      return EXIT.USAGE;
    }
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof BaselineError || e instanceof GitError) {
      io.stderr(`azl-migrate: ${e.message}\n`);
      return EXIT.USAGE;
    }
    io.stderr(`azl-migrate: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.INTERNAL;
  }
}

function parseNonNegativeInt(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} takes a whole number of milliseconds, not "${v}"`);
  return n;
}

function parsePositiveInt(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} takes a positive whole number, not "${v}"`);
  return n;
}

/**
 * The scan root and the paths relative to it. Reported file names are relative to the root: the current
 * directory, unless a path lies outside it, in which case the one directory given becomes the root.
 */
export function scanRoot(paths: string[], rootOpt: string | undefined, cwd: string): { root: string; rel: string[] } {
  for (const p of paths) if (!existsSync(resolve(cwd, p))) throw new UsageError(`no such file or directory: ${p}`);
  let root = rootOpt ? resolve(cwd, rootOpt) : cwd;
  const outside = (p: string) => {
    const r = relative(root, resolve(cwd, p));
    return r.startsWith('..') || isAbsolute(r);
  };
  if (!rootOpt && paths.some(outside)) {
    const first = resolve(cwd, paths[0]!);
    if (paths.length === 1 && statSync(first).isDirectory()) root = first;
    else throw new UsageError('paths outside the current directory need --root <dir> (a folder that contains them all)');
  }
  const bad = paths.find(outside);
  if (bad) throw new UsageError(`${bad} is outside the scan root ${root}`);
  return { root, rel: paths.map((p) => relative(root, resolve(cwd, p)) || '.') };
}
