import { randomUUID } from 'node:crypto';
import type { FunctionLogger, LogRecord } from '../../logs/function-logs.js';

/** One line of the feed: a log record with its place in the feed and when it was logged. */
export interface FeedEntry extends LogRecord {
  /** 1, 2, 3…: the SSE event id, so a reconnecting page asks only for what it missed. */
  id: number;
  /** Epoch milliseconds. */
  time: number;
}

/** Every log line of a running emulator, for the dashboard's live log panel. */
export interface LogFeed {
  /** Differs from one emulator to the next: the SSE ids restart at 1 with each. */
  readonly epoch: string;
  /**
   * @param sink - Where lines go today (the console or the `logger` option).
   * @returns A logger that writes to `sink` and to the feed.
   */
  tee(sink: FunctionLogger): FunctionLogger;
  /** Adds one line (the emulator's own notices come this way). */
  publish(record: LogRecord): void;
  /** @returns A function that stops the listener. */
  subscribe(listener: (entry: FeedEntry) => void): () => void;
  /** The last lines kept, oldest first, for a page that opens late. */
  recent(): readonly FeedEntry[];
}

/** Lines kept for pages that connect later: enough for a few invocations, bounded memory. */
export const FEED_HISTORY = 500;

/**
 * Creates the feed that the dashboard's log panel reads (server-sent events). The emulator tees
 * its function logger into it, so the panel sees every START/END/REPORT line and every line a
 * function prints, as the console does.
 *
 * @param history - Lines kept for late subscribers.
 * @returns The feed.
 * @example
 * ```ts
 * const feed = createLogFeed();
 * const logger = feed.tee(createConsoleLogger());
 * const stop = feed.subscribe((entry) => console.log(entry.message));
 * ```
 */
export function createLogFeed(history = FEED_HISTORY): LogFeed {
  const kept: FeedEntry[] = [];
  const listeners = new Set<(entry: FeedEntry) => void>();
  let nextId = 1;
  const publish = (record: LogRecord) => {
    const entry: FeedEntry = { ...record, id: nextId++, time: Date.now() };
    kept.push(entry);
    if (kept.length > history) kept.shift();
    for (const listener of listeners) listener(entry);
  };
  return {
    epoch: randomUUID().slice(0, 8),
    tee: (sink) => (record) => {
      sink(record);
      publish(record);
    },
    publish,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    recent: () => kept,
  };
}
