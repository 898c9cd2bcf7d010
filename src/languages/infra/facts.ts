import type { FileFacts } from '../../core/facts.js';
import type { InfraFacts } from './model.js';

/**
 * The VMs, AKS pools and CI jobs an IaC or CI adapter found in a file (model.ts). Apart from model.ts, which loads
 * the YAML parser and the shell model: rules import this, and a scan without such files never loads that parser.
 */
export function infraOf(facts: FileFacts): InfraFacts | undefined {
  return (facts as FileFacts & { infra?: InfraFacts }).infra;
}
