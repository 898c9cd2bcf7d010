import { Box, Text } from 'ink';
import type { Filters, GroupBy, Summary } from './model.js';

export interface HeaderProps {
  target: string;
  filesScanned: number;
  summary: Summary;
  groupBy: GroupBy;
  filters: Filters;
  search: string;
  shown: number;
  total: number;
}

const scoreColor = (s: number) => (s >= 90 ? 'green' : s >= 70 ? 'yellow' : 'red');

/** Readiness score, counts by severity and category, blocking rules, and the active grouping and filters. */
export function Header(p: HeaderProps) {
  const s = p.summary;
  const cats = s.byCategory.map((c) => `${c.label} ${c.count}`).join(', ') || 'none';
  const blockers = s.blockingRules.map((b) => `${b.ruleId} ×${b.count}`).join(', ') || 'none';
  const f = p.filters;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>azl-migrate</Text> · {p.target} · {p.filesScanned} files · readiness{' '}
        <Text bold color={scoreColor(s.score)}>
          {s.score}/100
        </Text>{' '}
        ({s.band})
      </Text>
      <Text wrap="truncate-end">
        {s.open} open: <Text color="red">{s.bySeverity.error} error</Text>, <Text color="yellow">{s.bySeverity.warning} warning</Text>, <Text color="cyan">{s.bySeverity.info} info</Text> ·{' '}
        <Text color="red" bold>
          {s.blockers} blocker{s.blockers === 1 ? '' : 's'}
        </Text>{' '}
        · {s.fixable} fixable{s.baselined ? ` · ${s.baselined} accepted in baseline` : ''}
        {s.suppressed ? ` · ${s.suppressed} suppressed` : ''}
      </Text>
      <Text wrap="truncate-end" dimColor>
        by category: {cats}
      </Text>
      <Text wrap="truncate-end">
        <Text color="red">blockers:</Text> {blockers}
      </Text>
      <Text wrap="truncate-end" color="blue">
        group by {p.groupBy} · severity {f.severity ?? 'all'} · category {f.category ?? 'all'} · kind {f.kind ?? 'all'}
        {p.search ? ` · search "${p.search}"` : ''} · showing {p.shown} of {p.total}
      </Text>
    </Box>
  );
}
