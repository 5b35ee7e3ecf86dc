import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FeedEntry, LogFeed } from './log-feed.js';

/** A comment line this often keeps idle connections (and proxies) from timing out. */
const KEEP_ALIVE_MS = 15_000;

/**
 * Answers `GET /dashboard/logs` with server-sent events: the lines kept so far (only those after
 * `Last-Event-ID` when the browser reconnects to the same emulator), then every new line as it
 * is logged. Each event is `event: log`, `id: <epoch>.<n>` and the entry as JSON.
 *
 * @param req - The request.
 * @param res - Its response; stays open until the page goes away or the server closes.
 * @param feed - The emulator's log feed.
 * @example
 * ```ts
 * if (url.pathname === '/dashboard/logs') return streamLogs(req, res, feed);
 * ```
 */
export function streamLogs(req: IncomingMessage, res: ServerResponse, feed: LogFeed): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  const after = lastSeen(req.headers['last-event-id'], feed.epoch);
  for (const entry of feed.recent()) if (entry.id > after) res.write(logEvent(entry, feed.epoch));
  const unsubscribe = feed.subscribe((entry) => res.write(logEvent(entry, feed.epoch)));
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  keepAlive.unref();
  res.on('close', () => {
    unsubscribe();
    clearInterval(keepAlive);
  });
}

/** The last line a reconnecting page saw from this feed; 0 (send all) for another emulator's. */
function lastSeen(header: string | string[] | undefined, epoch: string): number {
  const [seenEpoch, id] = String(header ?? '').split('.');
  return seenEpoch === epoch ? Number(id) || 0 : 0;
}

/**
 * @param entry - A feed entry.
 * @param epoch - The feed's epoch, so ids stay unique across emulator restarts.
 * @returns It as one SSE event (JSON has no raw newlines, so one `data:` line is enough).
 * @example
 * ```ts
 * logEvent(entry, feed.epoch); // 'id: 3f2a9c1e.7\nevent: log\ndata: {"functionName":"Fn",…}\n\n'
 * ```
 */
export function logEvent(entry: FeedEntry, epoch: string): string {
  return `id: ${epoch}.${entry.id}\nevent: log\ndata: ${JSON.stringify(entry)}\n\n`;
}
