/**
 * A process's output: split into lines as they arrive (holding no more than one line), and read
 * to its end after the process exits.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { setTimeout as delay } from 'node:timers/promises';

/** A longer line is cut into pieces of this size (CloudWatch caps an event at 256 KB). */
export const MAX_LINE_LENGTH = 256 * 1024;

/**
 * Calls `onLine` for every line of `stream` (without its `\n`; `\r\n` too), and for the last
 * partial line when the stream ends.
 *
 * @example
 * ```ts
 * splitLines(child.stdout, (line) => console.log(`[fn] ${line}`));
 * ```
 */
export function splitLines(stream: Readable, onLine: (line: string) => void): void {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  const emit = (line: string) => onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  stream.on('data', (chunk: Buffer) => {
    const parts = (partial + decoder.write(chunk)).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) emit(line);
    while (partial.length > MAX_LINE_LENGTH) {
      emit(partial.slice(0, MAX_LINE_LENGTH));
      partial = partial.slice(MAX_LINE_LENGTH);
    }
  });
  stream.on('end', () => {
    const rest = partial + decoder.end();
    partial = '';
    if (rest !== '') emit(rest);
  });
  stream.on('error', () => {});
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
