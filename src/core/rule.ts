import type { Span } from './source.js';
import type { Fix, Severity } from './types.js';
import type { Assignment, Detection, FileFacts, FileKind, ImageRef, PackageRef, PathRef, ShellCommand } from './facts.js';
import type { TargetProfile } from '../knowledge/target.js';

export type Category =
  | 'package-manager'
  | 'packages'
  | 'base-image'
  | 'distro-identity'
  | 'selinux'
  | 'crypto'
  | 'glibc'
  | 'python'
  | 'systemd'
  | 'repositories'
  | 'conventions'
  | 'platform';

export interface RuleMeta {
  /** `<domain>/<rule>`, equal to the rule's folder under rules/. */
  id: string;
  title: string;
  category: Category;
  /** Default severity; a report may lower or raise it per finding. */
  severity: Severity;
  /** Default: findings block the migration. */
  blocker: boolean;
  /** Whether findings can carry a fix, and of which kind at most. */
  fixable: false | 'safe' | 'unsafe';
  /** Host kinds the rule applies to (default: all). */
  kinds?: FileKind[];
  /** Effort points for one finding (the readiness report sums them). */
  effort?: number;
  /** Rests on facts marked UNCONFIRMED in the knowledge sheet. */
  unconfirmed?: boolean;
  /** The rule wants to see commands in branches that never run on the target (identity rules do). */
  seesGatedCode?: boolean;
}

export interface ReportInput {
  span: Span;
  /** The span maps exactly to the host file (fixes are dropped otherwise). */
  exact?: boolean;
  message: string;
  why: string;
  action: string;
  severity?: Severity;
  blocker?: boolean;
  fix?: Fix;
  suggestions?: Fix[];
  /** Text identifying the finding for its fingerprint (default: the spanned text). */
  evidence?: string;
  /**
   * The finding holds only if no other file of the scan declares this key, or any of these keys
   * (RuleContext.declare): for what a project may do in another file, such as an Ansible role enabling in
   * tasks/main.yml the service that tasks/install.yml installs. A scan of text alone keeps the finding.
   */
  unlessDeclaredElsewhere?: string | string[];
}

/**
 * What a rule sees of the file being analysed. The engine runs the rules one after another (create, then the
 * visitors) with one context per file: report() credits the rule being run, so use the context only from create()
 * and the visitors it returns, never after they return.
 */
export interface RuleContext {
  readonly facts: FileFacts;
  readonly target: TargetProfile;
  report(r: ReportInput): void;
  /** Record a fact this file establishes for the rest of the project (see ReportInput.unlessDeclaredElsewhere). */
  declare(key: string): void;
}

export interface RuleVisitors {
  command?(cmd: ShellCommand): void;
  image?(ref: ImageRef): void;
  path?(ref: PathRef): void;
  package?(ref: PackageRef): void;
  assignment?(a: Assignment): void;
  detection?(d: Detection): void;
  /** Called once after every fact of the file was visited. */
  end?(): void;
}

export interface Rule {
  meta: RuleMeta;
  create(ctx: RuleContext): RuleVisitors;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
