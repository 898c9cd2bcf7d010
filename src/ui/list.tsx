import { Box, Text } from 'ink';
import type { GroupBy, Row } from './model.js';
import { visibleWindow } from './model.js';
import { SeverityTag } from './severity.js';

export interface FindingListProps {
  rows: Row[];
  groupBy: GroupBy;
  height: number;
}

/** Findings grouped by file or by rule, scrolled to keep the selection in view. */
export function FindingList({ rows, groupBy, height }: FindingListProps) {
  if (rows.length === 0) return <Text dimColor>No findings match (x clears the filters and the search).</Text>;
  const w = visibleWindow(rows, Math.max(1, height - 2));
  return (
    <Box flexDirection="column">
      <Text dimColor>{w.above ? `  ↑ ${w.above} more` : ' '}</Text>
      {w.rows.map((r, i) => {
        if (r.type === 'group') {
          return (
            <Text key={`g${i}-${r.label}`} bold wrap="truncate-end">
              {r.label} <Text dimColor>({r.count})</Text>
            </Text>
          );
        }
        const f = r.finding;
        // By file: line:column, severity, rule. By rule: severity, file:line (the group names the rule).
        return (
          <Text key={`f${i}-${f.fingerprint}`} wrap="truncate-end" inverse={r.selected}>
            {r.selected ? '›' : ' '} {groupBy === 'file' ? `${`${f.line}:${f.column}`.padEnd(7)} ` : ''}
            <SeverityTag f={f} /> {groupBy === 'file' ? f.ruleId : `${f.file}:${f.line}`}{' '}
            {f.fix ? <Text color="green">[fix] </Text> : ''}
            {f.status === 'baselined' ? <Text dimColor>[baseline] </Text> : ''}
            {f.status === 'suppressed' ? <Text dimColor>[suppressed] </Text> : ''}
            <Text dimColor={!r.selected}>{f.message}</Text>
          </Text>
        );
      })}
      <Text dimColor>{w.below ? `  ↓ ${w.below} more` : ' '}</Text>
    </Box>
  );
}
