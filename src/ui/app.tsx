import { useEffect, useReducer } from 'react';
import { Box, Text, useApp, useInput, useStdin, useStdout } from 'ink';
import type { ScanFinding } from '../policy/model.js';
import { initialState, ordered, reduce, rows, selectedFinding, summary, type UiState } from './model.js';
import type { UiContext } from './session.js';
import { Header } from './header.js';
import { FindingList } from './list.js';
import { Detail } from './detail.js';
import { Help } from './help.js';
import { Confirm, ReasonPrompt } from './prompts.js';

export interface AppProps {
  findings: ScanFinding[];
  kinds: Record<string, string>;
  target: string;
  filesScanned: number;
  ctx: UiContext;
  /** Terminal rows (default: the terminal's, else 24). */
  height?: number;
}

const HEADER_LINES = 5;
const FOOTER_LINES = 2;
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The interactive report: state in a pure reducer (model.ts), one component per view, keys here. */
export function App(props: AppProps) {
  const { ctx } = props;
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const { stdout } = useStdout();
  const height = props.height ?? (stdout.rows || 24);
  const [s, dispatch] = useReducer(reduce, undefined, (): UiState => initialState(props.findings, props.kinds));
  const sel = selectedFinding(s);

  // Keys go through the reducer (keyAction), so each is read against the state it arrives in.
  const page = Math.max(1, height - HEADER_LINES - FOOTER_LINES - 3);
  useInput((input, key) => dispatch({ type: 'key', input, key, page }), { isActive: isRawModeSupported === true });

  // Requests the reducer made: the async work (prepare, write, re-scan) or quitting.
  const req = s.request;
  useEffect(() => {
    if (!req) return;
    const fail = (e: unknown) => dispatch({ type: 'failed', text: errorText(e) });
    switch (req.kind) {
      case 'exit':
        exit();
        return;
      case 'fix':
        ctx.prepareFix(req.finding).then((p) => dispatch({ type: 'prepared', pending: p }), fail);
        return;
      case 'suppress':
        ctx.prepareSuppression(req.finding, req.reason).then((p) => dispatch({ type: 'prepared', pending: p }), fail);
        return;
      case 'apply': {
        const p = req.pending;
        p.apply()
          .then(() => ctx.rescanFile(p.file))
          .then((fs) => dispatch({ type: 'applied', file: p.file, findings: fs, text: `${p.action === 'fix' ? 'Fixed' : 'Suppressed'}: ${p.title}. ${p.file} was written and scanned again.` }), fail);
        return;
      }
    }
  }, [req?.seq]); // eslint-disable-line react-hooks/exhaustive-deps

  const body = height - HEADER_LINES - FOOTER_LINES;
  const shown = ordered(s).length;
  let view;
  if (s.mode === 'help') view = <Help />;
  else if (s.mode === 'confirm' && s.pending) view = <Confirm pending={s.pending} height={body} />;
  else if (s.mode === 'reason' && sel) view = <ReasonPrompt finding={sel} reason={s.reason} />;
  else if ((s.mode === 'detail' || (s.back === 'detail' && s.busy)) && sel) view = <Detail finding={sel} kind={s.kinds[sel.file] ?? 'other'} source={ctx.readSource(sel.file)} height={body} />;
  else view = <FindingList rows={rows(s)} groupBy={s.groupBy} height={body} />;

  return (
    <Box flexDirection="column">
      <Header target={props.target} filesScanned={props.filesScanned} summary={summary(s.findings)} groupBy={s.groupBy} filters={s.filters} search={s.search} shown={shown} total={s.findings.length} />
      {view}
      <StatusLine s={s} />
    </Box>
  );
}

function StatusLine({ s }: { s: UiState }) {
  let hint: string;
  if (s.mode === 'search') hint = `/${s.search}█  Enter keep · Esc drop`;
  else if (s.mode === 'detail') hint = 'Esc back · ↑↓ next finding · f fix · i suppress · ? help';
  else if (s.mode === 'list') hint = '↑↓ select · Enter details · g group · s/c/t filter · / search · f fix · i suppress · ? help · q quit';
  else hint = '';
  return (
    <Box flexDirection="column">
      {s.busy ? <Text color="yellow">{s.busy}</Text> : s.message ? <Text color={s.message.error ? 'red' : 'green'}>{s.message.text}</Text> : <Text> </Text>}
      <Text dimColor wrap="truncate-end">
        {hint}
      </Text>
    </Box>
  );
}
