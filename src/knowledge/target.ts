import { readFileSync, existsSync } from 'node:fs';
import { rulesPath } from './paths.js';
import type { WorldName } from '../languages/shell/worlds.js';

export interface TargetProfile {
  id: string;
  name: string;
  world: WorldName;
  status: string;
  source: string;
  osRelease: Record<string, string>;
  packageManager: string;
  images: Record<string, string>;
  versions: Record<string, string>;
  /**
   * What kind of system the target is (default `vm`): `container` = the Azure Linux core/distroless container images
   * (what they lack matters); `immutable-host` = an image-based node OS with no package manager and a read-only /usr.
   */
  variant?: 'vm' | 'container' | 'immutable-host';
  /** Commands the target's base image lacks, with the package that provides each (container targets). */
  missingCommands?: Record<string, string>;
}

export const DEFAULT_TARGET = 'azurelinux-4.0';
const cache = new Map<string, TargetProfile>();

/** The targets with a target.json under rules/targets/, the default first. */
export const KNOWN_TARGETS = [DEFAULT_TARGET, 'azurelinux-4.0-container', 'azure-container-linux'];

export function knownTargets(): string[] {
  return KNOWN_TARGETS;
}

export function loadTarget(id: string = DEFAULT_TARGET): TargetProfile {
  const hit = cache.get(id);
  if (hit) return hit;
  const file = rulesPath('targets', id, 'target.json');
  if (!/^[a-z0-9.-]+$/.test(id) || !existsSync(file)) throw new UsageError(`unknown target "${id}" (known: ${knownTargets().join(', ')})`);
  const t = JSON.parse(readFileSync(file, 'utf8')) as TargetProfile;
  cache.set(id, t);
  return t;
}

/** A user error: bad option, unknown target or rule. Exit code 2. */
export class UsageError extends Error {}
