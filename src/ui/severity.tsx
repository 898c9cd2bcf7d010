import { Text } from 'ink';
import type { ScanFinding } from '../policy/model.js';

const COLOR = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

/** `error`, `warning` or `info` in its colour, and `blocker` when it is one (fixed width: 15 columns). */
export function SeverityTag({ f }: { f: Pick<ScanFinding, 'severity' | 'blocker'> }) {
  return (
    <Text>
      <Text color={COLOR[f.severity]}>{f.severity.padEnd(7)}</Text>
      {f.blocker ? (
        <Text color="red" bold>
          {' '}
          blocker
        </Text>
      ) : (
        '        '
      )}
    </Text>
  );
}
