/**
 * `azl-migrate pkg <name>... [--from debian|alpine|el|azurelinux-3.0|azurelinux-4.0] [--format text|json] [--catalog <file>]`
 *
 * Prints what each package name becomes on Azure Linux 4.0: the name(s), channel, whether the VM and
 * container core images have it, confidence and source.
 */
import { CatalogError, loadCatalog, type ImagePresence, type LoadedCatalog } from '../knowledge/catalog.js';
import {
  SOURCE_DISTROS,
  isSourceDistro,
  resolvePackage,
  type PackageResolution,
  type ResolvedTarget,
} from '../knowledge/packages.js';
import type { CliIO } from './catalog.js';

export interface PkgArgs {
  names: string[];
  from?: string;
  format?: 'text' | 'json';
  catalog?: string;
}

const USAGE = `usage: azl-migrate pkg <name>... [--from ${SOURCE_DISTROS.join('|')}] [--format text|json] [--catalog <file>]`;

function presence(p: ImagePresence): string {
  return p === 'listed' ? 'yes' : p === 'dependency' ? 'yes (dependency)' : 'not listed';
}

function targetLine(t: ResolvedTarget, prefix = ''): string {
  if (t.channel === null) return `  ${prefix}${t.name}: not in the catalog`;
  return `  ${prefix}${t.name}: channel ${t.channel}; VM: ${presence(t.vm)}; container core: ${presence(t.containerCore)}`;
}

/** Plain-text rendering of one resolution (several lines, no trailing newline). */
export function formatResolution(r: PackageResolution): string {
  const names = r.targets.map((t) => t.name).join(', ');
  const head =
    r.status === 'unavailable'
      ? 'no equivalent'
      : r.status === 'unknown' && !r.targets.length
        ? 'unknown mapping: verify'
        : names;
  const lines = [`${r.input} (${r.from}) -> ${head} [${r.status}]`];
  for (const t of r.targets) lines.push(targetLine(t));
  for (const t of r.alternatives ?? []) lines.push(targetLine(t, 'alternative '));
  const pin = r.spec.version ? `${r.spec.operator ?? '='}${r.spec.version}` : undefined;
  if (pin) lines.push(`  version pin ${pin}: Azure Linux 4.0 versions differ; drop or re-pin it`);
  if (r.reason) lines.push(`  reason: ${r.reason}`);
  if (r.action) lines.push(`  action: ${r.action}`);
  if (r.note) lines.push(`  note: ${r.note}`);
  if (r.status !== 'unknown' || r.targets.length) lines.push(`  ${r.kind}, confidence ${r.confidence}, source ${r.source}`);
  return lines.join('\n');
}

/** Run `pkg`. Returns 0, or 2 on a usage error or an unreadable catalog. */
export async function runPkg(args: PkgArgs, io: CliIO): Promise<number> {
  const from = args.from ?? 'debian';
  if (!isSourceDistro(from)) {
    io.stderr(`azl-migrate pkg: unknown --from "${from}" (one of ${SOURCE_DISTROS.join(', ')})\n${USAGE}\n`);
    return 2;
  }
  const format = args.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.stderr(`azl-migrate pkg: --format must be text or json\n${USAGE}\n`);
    return 2;
  }
  const names = args.names.map((n) => n.trim()).filter(Boolean);
  if (!names.length) {
    io.stderr(`azl-migrate pkg: give at least one package name\n${USAGE}\n`);
    return 2;
  }
  let catalog: LoadedCatalog;
  try {
    catalog = args.catalog ? loadCatalog({ file: args.catalog }) : loadCatalog();
  } catch (e) {
    if (e instanceof CatalogError) {
      io.stderr(`azl-migrate pkg: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const results = names.map((n) => resolvePackage(n, from, { catalog }));
  if (format === 'json') {
    io.stdout(
      JSON.stringify(
        {
          catalog: { target: catalog.data.target, source: catalog.data.source, file: args.catalog ?? null },
          results,
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    io.stdout(results.map(formatResolution).join('\n\n') + '\n');
  }
  return 0;
}
