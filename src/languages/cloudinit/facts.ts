import type { Span } from '../../core/source.js';
import type { FileFacts } from '../../core/facts.js';
import type { YValue } from '../ansible/facts.js';
import type { UnitFile } from '../systemd/parse.js';

/*
 * What the cloud-init adapter adds to a file's facts, and how rules read it. Apart from the adapter (index.ts),
 * which loads the YAML parser: rules import this, and a scan without cloud-init files never loads that parser.
 */
export interface WriteFile {
  path: string;
  pathSpan: Span;
  exact: boolean;
  append: boolean;
  /** base64/gzip content is not decoded. */
  encoded: boolean;
  content?: YValue;
}

export interface CloudConfig {
  /** Top-level keys of the #cloud-config document. */
  keys: Map<string, YValue>;
}

export interface CloudInitFacts extends FileFacts {
  cloudConfig: CloudConfig;
  writeFiles: WriteFile[];
  units: UnitFile[];
}

export function cloudConfigOf(facts: FileFacts): CloudConfig | undefined {
  return (facts as Partial<CloudInitFacts>).cloudConfig;
}

export function writeFilesOf(facts: FileFacts): WriteFile[] {
  return (facts as Partial<CloudInitFacts>).writeFiles ?? [];
}
