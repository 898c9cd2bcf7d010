import { Box, Text } from 'ink';

export const KEYS: [string, string][] = [
  ['↑ ↓  j k', 'select a finding (PgUp PgDn Home End)'],
  ['Enter  →', 'details: code, what / why / what to do, docs, fix diff'],
  ['Esc  ←', 'back to the list'],
  ['g', 'group by file / by rule'],
  ['s', 'filter by severity (cycles error, warning, info, all)'],
  ['c', 'filter by category (cycles)'],
  ['t', 'filter by file kind (cycles)'],
  ['/', 'search file, rule, message and code (Enter keeps, Esc drops)'],
  ['x', 'clear filters and search'],
  ['f', 'fix the selected finding: shows the diff, then y writes it'],
  ['i', 'suppress the selected finding: asks a reason, shows the diff, then y writes it'],
  ['?', 'this help'],
  ['q', 'quit (from the list)'],
];

/** Keyboard help. */
export function Help() {
  return (
    <Box flexDirection="column">
      <Text bold>Keys</Text>
      {KEYS.map(([k, what]) => (
        <Text key={k}>
          <Text color="cyan">{k.padEnd(10)}</Text> {what}
        </Text>
      ))}
      <Text dimColor>Nothing is written without the diff on screen and a y. Press ? or Esc to close.</Text>
    </Box>
  );
}
