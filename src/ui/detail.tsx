import { Box, Text } from 'ink';
import type { ScanFinding } from '../policy/model.js';
import { codeFrame, docsLink, previewFix } from './model.js';
import { SeverityTag } from './severity.js';
import { Diff } from './diff.js';

export interface DetailProps {
  finding: ScanFinding;
  kind: string;
  source: string | undefined;
  height: number;
}

/** One finding: where, the code frame, what / why / what to do, the docs link and the fix's diff. */
export function Detail({ finding: f, kind, source, height }: DetailProps) {
  const frame = source === undefined ? [] : codeFrame(source, f);
  const width = String(frame[frame.length - 1]?.line ?? f.line).length;
  const preview = previewFix(source, f);
  const used = 4 + frame.length + frame.filter((l) => l.caret).length + 5;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <SeverityTag f={f} /> <Text bold>{f.ruleId}</Text> <Text dimColor>({f.category})</Text>
        {f.status && f.status !== 'open' ? <Text dimColor> [{f.status === 'baselined' ? 'accepted in the baseline' : `suppressed: ${f.suppression?.reason ?? 'no reason'}`}]</Text> : ''}
      </Text>
      <Text wrap="truncate-end">
        {f.file}:{f.line}:{f.column} <Text dimColor>({kind})</Text>
      </Text>
      <Box flexDirection="column" marginY={1}>
        {source === undefined ? <Text dimColor>(the file cannot be read)</Text> : null}
        {frame.flatMap((l) => {
          const out = [
            <Text key={`l${l.line}`} wrap="truncate-end" color={l.marked ? undefined : 'gray'}>
              {l.marked ? '>' : ' '} {String(l.line).padStart(width)} │ {l.text}
            </Text>,
          ];
          if (l.caret) {
            out.push(
              <Text key={`c${l.line}`} color="red" wrap="truncate-end">
                {' '.repeat(width + 3)}│ {l.caret}
              </Text>,
            );
          }
          return out;
        })}
      </Box>
      <Text>
        <Text bold>What: </Text>
        {f.message}
      </Text>
      {f.why ? (
        <Text>
          <Text bold>Why: </Text>
          {f.why}
        </Text>
      ) : null}
      {f.action ? (
        <Text>
          <Text bold>What to do: </Text>
          {f.action}
        </Text>
      ) : null}
      {docsLink(f) ? (
        <Text wrap="truncate-end">
          <Text bold>Docs: </Text>
          <Text color="blue">{docsLink(f)}</Text>
        </Text>
      ) : null}
      <Box flexDirection="column" marginTop={1}>
        {'diff' in preview ? (
          <>
            <Text>
              <Text bold>Fix</Text> ({f.fix!.safety}): {f.fix!.title} <Text dimColor>(press f to apply)</Text>
            </Text>
            <Diff diff={preview.diff} max={Math.max(3, height - used)} />
          </>
        ) : (
          <Text dimColor>Fix: {preview.none}</Text>
        )}
      </Box>
    </Box>
  );
}
