import { Box, Text } from 'ink';
import { diffBody } from './model.js';

/** A unified diff, coloured, cut to `max` lines. */
export function Diff({ diff, max }: { diff: string; max: number }) {
  const lines = diffBody(diff);
  const shown = lines.slice(0, Math.max(1, max));
  return (
    <Box flexDirection="column">
      {shown.map((l, i) => (
        <Text key={i} wrap="truncate-end" color={l.startsWith('+') ? 'green' : l.startsWith('-') ? 'red' : l.startsWith('@@') ? 'cyan' : undefined}>
          {l || ' '}
        </Text>
      ))}
      {lines.length > shown.length ? <Text dimColor>… {lines.length - shown.length} more diff lines</Text> : null}
    </Box>
  );
}
