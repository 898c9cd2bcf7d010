import { Box, Text } from 'ink';
import type { ScanFinding } from '../policy/model.js';
import type { Prepared } from './model.js';
import { Diff } from './diff.js';

/** The reason line for a suppression comment. */
export function ReasonPrompt({ finding, reason }: { finding: ScanFinding; reason: string }) {
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="yellow" paddingX={1}>
      <Text>
        Suppress <Text bold>{finding.ruleId}</Text> at {finding.file}:{finding.line} with a comment above it.
      </Text>
      <Text>
        Reason: {reason}
        <Text inverse> </Text>
      </Text>
      <Text dimColor>Enter shows the change (nothing is written yet) · Esc cancels</Text>
    </Box>
  );
}

/** A prepared change and its diff, waiting for y. */
export function Confirm({ pending, height }: { pending: Prepared; height: number }) {
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="green" paddingX={1}>
      <Text bold wrap="truncate-end">
        {pending.action === 'fix' ? 'Apply fix' : 'Write suppression'}: {pending.title}
      </Text>
      <Diff diff={pending.diff} max={Math.max(3, height - 4)} />
      <Text>
        <Text color="green" bold>
          y
        </Text>{' '}
        write {pending.file} · <Text bold>n</Text> / Esc cancel
      </Text>
    </Box>
  );
}
