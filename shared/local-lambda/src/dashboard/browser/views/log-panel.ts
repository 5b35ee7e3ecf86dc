import { el } from '../dom.js';

/** One line of the emulator's log feed (the server's `FeedEntry`). */
export interface FeedEntry {
  id: number;
  time: number;
  functionName: string;
  requestId?: string;
  source: 'stdout' | 'stderr' | 'platform' | 'emulator';
  message: string;
}

/** The elements of the log panel. */
export interface LogPanelParts {
  lines: HTMLElement;
  state: HTMLElement;
  filter: HTMLSelectElement;
  clear: HTMLButtonElement;
}

const MAX_LINES = 1000;
const TAG_COLORS = ['#7dd3fc', '#c4b5fd', '#fcd34d', '#86efac', '#f9a8d4', '#fdba74', '#a5b4fc'];

/**
 * Shows the emulator's log live: `START`/`END`/`REPORT` and every line the functions print,
 * from the server-sent events at `/dashboard/logs` (the browser reconnects by itself and the
 * server resends what it missed).
 *
 * @param parts - The panel's elements.
 * @param functions - Function names, for the filter.
 * @param onEntry - Also told every line (the runs read their REPORT lines here).
 * @example
 * ```ts
 * connectLogs(parts, ['TtfbWriteFunction'], (entry) => reports.push(entry));
 * ```
 */
export function connectLogs(
  parts: LogPanelParts,
  functions: readonly string[],
  onEntry: (entry: FeedEntry) => void = () => {},
): void {
  for (const name of functions)
    parts.filter.append(el('option', { text: name, attrs: { value: name } }));
  parts.filter.addEventListener('change', () => applyFilter(parts));
  parts.clear.addEventListener('click', () => parts.lines.replaceChildren());
  const source = new EventSource('/dashboard/logs');
  source.addEventListener('open', () => setState(parts, 'live', 'live'));
  source.addEventListener('error', () => setState(parts, 'reconnecting…', 'waiting'));
  source.addEventListener('log', (event) => {
    const entry = JSON.parse((event as MessageEvent<string>).data) as FeedEntry;
    appendLine(parts, entry);
    onEntry(entry);
  });
}

function setState(parts: LogPanelParts, text: string, state: string): void {
  parts.state.textContent = text;
  parts.state.dataset.state = state;
}

function appendLine(parts: LogPanelParts, entry: FeedEntry): void {
  const { lines } = parts;
  const atBottom = lines.scrollHeight - lines.scrollTop - lines.clientHeight < 24;
  const kind = lineKind(entry);
  const tag = el('span', { class: 'tag', text: entry.functionName });
  tag.style.color = tagColor(entry.functionName);
  const line = el(
    'div',
    { class: `log-line ${kind}`, attrs: { 'data-function': entry.functionName } },
    [
      el('time', { text: clock(entry.time) }),
      tag,
      el('span', { class: 'message', text: entry.message }),
    ],
  );
  line.hidden = parts.filter.value !== '' && parts.filter.value !== entry.functionName;
  lines.append(line);
  while (lines.childElementCount > MAX_LINES) lines.firstElementChild?.remove();
  if (atBottom) lines.scrollTop = lines.scrollHeight;
}

function applyFilter(parts: LogPanelParts): void {
  const wanted = parts.filter.value;
  for (const line of parts.lines.querySelectorAll<HTMLElement>('.log-line')) {
    line.hidden = wanted !== '' && line.dataset.function !== wanted;
  }
}

function lineKind(entry: FeedEntry): string {
  // An Event invocation the queue gave up on: the line to notice.
  if (
    entry.source === 'emulator' &&
    / discarded \((RetriesExhausted|EventAgeExceeded)\)/.test(entry.message)
  )
    return 'emulator discarded';
  if (entry.source === 'platform')
    return entry.message.startsWith('REPORT') ? 'report' : 'platform';
  return entry.source;
}

function clock(time: number): string {
  const date = new Date(time);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

function tagColor(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return TAG_COLORS[hash % TAG_COLORS.length] ?? '#7dd3fc';
}
