/**
 * A process's output: split into lines as they arrive (holding no more than one line), and read
 * to its end after the process exits.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { setTimeout as delay } from 'node:timers/promises';

/** A longer line is cut into pieces of this size (CloudWatch caps an event at 256 KB). */
export const MAX_LINE_LENGTH = 256 * 1024;

/**
 * Calls `onLine` for every line of `stream` (without its `\n`; `\r\n` too), and for the last
 * partial line when the stream ends.
 *
 * @returns `catchUp()`: reads at once what the process has written and the event loop has not
 *   read yet (see {@link readPending}).
 * @example
 * ```ts
 * const output = splitLines(child.stdout, (line) => console.log(`[fn] ${line}`));
 * output.catchUp(); // before closing an invocation's log
 * ```
 */
export function splitLines(stream: Readable, onLine: (line: string) => void): OutputLines {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  const emit = (line: string) => onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  const take = (chunk: Buffer) => {
    const parts = (partial + decoder.write(chunk)).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) emit(line);
    while (partial.length > MAX_LINE_LENGTH) {
      emit(partial.slice(0, MAX_LINE_LENGTH));
      partial = partial.slice(MAX_LINE_LENGTH);
    }
  };
  stream.on('data', take);
  stream.on('end', () => {
    const rest = partial + decoder.end();
    partial = '';
    if (rest !== '') emit(rest);
  });
  stream.on('error', () => {});
  return { catchUp: () => readPending(stream, take) };
}

/**
 * Reads, synchronously, the bytes waiting in the pipe behind `stream` and hands them to `take`.
 * A runtime writes its last lines (an `Invoke Error`) before it posts its outcome or asks for
 * `/next`, but the event loop may see that request before it reads the pipe, most often on a busy
 * machine; the invocation's log would then close without them. Node has no synchronous read for a
 * pipe stream, so this reads its file descriptor directly (non-blocking: EAGAIN means empty).
 */
function readPending(stream: Readable, take: (chunk: Buffer) => void): void {
  const fd = (stream as unknown as { _handle?: { fd?: number } })._handle?.fd;
  if (fd === undefined || fd < 0 || stream.readableEnded) return;
  const buffer = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    let read = 0;
    try {
      read = readSync(fd, buffer, 0, buffer.length, null);
    } catch {
      return; // EAGAIN: nothing waiting (or the pipe is gone)
    }
    if (read === 0) return;
    take(Buffer.from(buffer.subarray(0, read)));
  }
}

/** A process's output lines as they come, and a way to take in what is waiting unread. */
export interface OutputLines {
  /** Reads at once what the process has written and the event loop has not read yet. */
  catchUp(): void;
}

/**
 * Splits a child's stdout and stderr into lines for `sink`.
 *
 * @example
 * ```ts
 * const lines = readOutputLines(child, (stream, line) => console.log(stream, line));
 * lines.catchUp(); // before an invocation's log closes
 * ```
 */
export function readOutputLines(
  child: ChildProcess,
  sink: (stream: 'stdout' | 'stderr', line: string) => void,
): OutputLines {
  const readers = (['stdout', 'stderr'] as const).flatMap((name) => {
    const stream = child[name];
    return stream ? [splitLines(stream, (line) => sink(name, line))] : [];
  });
  return {
    catchUp: () => {
      for (const reader of readers) reader.catchUp();
    },
  };
}

/** How long an exit waits for the process's last output lines. */
export const OUTPUT_GRACE_MS = 100;

/**
 * Resolves once stdout and stderr are read to their end (the process's last lines, e.g. a crash
 * report, come after its exit), or after {@link OUTPUT_GRACE_MS}: a grandchild may hold them open.
 */
export function outputRead(child: ChildProcess): Promise<void> {
  const closed = [child.stdout, child.stderr].map((stream) =>
    stream && !stream.readableEnded ? once(stream, 'end').catch(() => {}) : undefined,
  );
  return Promise.race([
    Promise.all(closed).then(() => {}),
    delay(OUTPUT_GRACE_MS, undefined, { ref: false }),
  ]);
}
