import type { FileFacts } from '../../core/facts.js';
import type { Span } from '../../core/source.js';

/*
 * What the compose adapter adds to a file's facts, and how rules read it. Apart from the adapter (index.ts),
 * which loads the YAML parser: rules import this, and a scan without compose files never loads that parser.
 */

/** A bind mount of a compose service: host path, SELinux options, and where `:z` would go. */
export interface ComposeVolume {
  service: string;
  /** Host side as written (`./data`, `/srv/www`). */
  source: string;
  target?: string;
  /** Options after the second colon (`ro,z`), or the long syntax `bind.selinux`. */
  options: string[];
  span: Span;
  exact: boolean;
  /** short: the offset after the last character of the volume string (append `:z` or `,z`); long: none. */
  appendAt?: number;
  long: boolean;
}

export interface ComposeFacts {
  volumes: ComposeVolume[];
}

export function composeOf(f: FileFacts): ComposeFacts | undefined {
  return (f as FileFacts & { compose?: ComposeFacts }).compose;
}
