import type { PackageRef } from '../../core/facts.js';
import { resolvePackage, type PackageResolution, type SourceDistro } from '../../knowledge/packages.js';
import { memoByText } from '../../core/strings.js';

/** Per source distribution, resolvePackage remembered by name (memoByText). */
const byDistro = new Map<SourceDistro, (raw: string) => PackageResolution>();

/**
 * resolvePackage against the shipped catalog and maps, memoised: every pkg/* rule and every fix asks about the same
 * names, file after file. The result is shared: callers must not change it.
 */
export function resolveShipped(raw: string, from: SourceDistro): PackageResolution {
  let resolve = byDistro.get(from);
  if (!resolve) byDistro.set(from, (resolve = memoByText((name) => resolvePackage(name, from))));
  return resolve(raw);
}

/** Resolution of a package reference against the Azure Linux 4.0 catalog and maps (memoised). */
export function resolveRef(ref: PackageRef): PackageResolution {
  return resolveShipped(ref.raw, ref.origin);
}

export interface RuntimeFamily {
  family: string;
  re: RegExp;
  /** Versions Azure Linux 4.0 ships in the base channel. */
  base: (v: string) => boolean;
  /** Versions only in the unsupported sdk channel. */
  sdk?: (v: string) => boolean;
  ships: string;
}

/** Language runtimes and what Azure Linux 4.0 ships (knowledge sheet §2 "Language runtimes", "Python"). */
export const RUNTIMES: RuntimeFamily[] = [
  {
    family: 'Java',
    re: /^(?:openjdk-?(\d+)(?:-jdk|-jre|-jdk-headless|-jre-headless)?|java-(\d+)-openjdk(?:-devel|-headless|-jmods|-src)?|temurin-(\d+)-(?:jdk|jre)|openjdk(\d+)(?:-jre|-jdk|-jre-headless)?)$/,
    base: (v) => v === '25',
    ships: 'only Java 25 (java-25-openjdk, java-25-openjdk-devel); no 17 or 21',
  },
  {
    family: 'Python',
    re: /^python(3\.\d+)(?:-dev|-devel|-venv|-distutils|-pip|-libs|-minimal|-full)?$/,
    base: (v) => v === '3.14',
    sdk: (v) => ['3.9', '3.10', '3.11', '3.12', '3.13'].includes(v),
    ships: 'python3 3.14 in the base channel; python3.9 to python3.13 only in the unsupported sdk channel',
  },
  {
    family: 'Node.js',
    re: /^nodejs(\d+)$/,
    base: (v) => v === '22' || v === '24',
    ships: 'nodejs (22) and nodejs24; no nodejs20',
  },
  {
    family: '.NET',
    re: /^(?:dotnet|aspnetcore)-(?:sdk|runtime|host|hostfxr|targeting-pack|apphost-pack)(?:-(\d+\.\d+))?$/,
    base: () => false,
    ships: 'no .NET packages at all: install .NET from Microsoft\'s release tarballs',
  },
  {
    family: 'Go',
    re: /^golang-(1\.\d+)(?:-go)?$/,
    base: (v) => v === '1.25',
    ships: 'golang 1.25',
  },
];

/** The runtime family and version a package name (or a Node.js version pin) asks for. */
export function runtimeOf(ref: PackageRef): { rt: RuntimeFamily; version: string } | undefined {
  for (const rt of RUNTIMES) {
    const m = rt.re.exec(ref.name);
    if (m) return { rt, version: m.slice(1).find((x) => x !== undefined) ?? '' };
  }
  const pin = /^nodejs[=~](\d+)/.exec(ref.raw);
  if (pin) return { rt: RUNTIMES.find((r) => r.family === 'Node.js')!, version: pin[1]! };
  return undefined;
}
