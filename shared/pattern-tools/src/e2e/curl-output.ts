import type { Readable } from 'node:stream';
import type { ChunkTiming } from '@lambda-streaming/streaming/client';

/** The parsed output of `curl -i`, as it grows. */
export interface CurlOutput {
  /** Status, headers, body and the body's chunk arrivals so far. */
  result(): { status: number; headers: Headers; body: Buffer; chunks: ChunkTiming[] };
}

const HEAD_END = Buffer.from('\r\n\r\n');

/**
 * Reads `curl -i` output: skips interim header blocks (`1xx`, a proxy's `Connection
 * established`), parses the final status line and headers, and times each piece of body.
 *
 * @param stdout - curl's stdout.
 * @param startMs - When curl was started, on the `performance.now()` clock.
 * @param onFirstBodyChunk - Called once, when the first body bytes arrive.
 * @returns The output, readable at any time.
 * @example
 * ```ts
 * const output = readCurlOutput(child.stdout, performance.now(), () => {});
 * ```
 */
export function readCurlOutput(
  stdout: Readable,
  startMs: number,
  onFirstBodyChunk: () => void,
): CurlOutput {
  // Until the head is parsed, everything is kept in `pending`; the body then as received.
  let pending = Buffer.alloc(0);
  let head: { status: number; headers: Headers } | undefined;
  const body: Buffer[] = [];
  const chunks: ChunkTiming[] = [];
  stdout.on('data', (data: Buffer) => {
    const atMs = performance.now() - startMs;
    let piece = data;
    if (!head) {
      pending = Buffer.concat([pending, data]);
      const parsed = parseHead(pending);
      if (!parsed) return;
      head = parsed;
      piece = pending.subarray(parsed.bodyStart);
    }
    if (piece.length === 0) return;
    body.push(piece);
    chunks.push({ atMs, bytes: piece.length });
    if (chunks.length === 1) onFirstBodyChunk();
  });
  return {
    result: () => ({
      status: head?.status ?? 0,
      headers: head?.headers ?? new Headers(),
      body: Buffer.concat(body),
      chunks: [...chunks],
    }),
  };
}

function parseHead(raw: Buffer) {
  let start = 0;
  for (;;) {
    const end = raw.indexOf(HEAD_END, start);
    if (end === -1) return undefined;
    const [statusLine = '', ...lines] = raw.subarray(start, end).toString('latin1').split('\r\n');
    const status = Number(statusLine.split(' ')[1]);
    start = end + HEAD_END.length;
    if (status >= 200 && !/connection established/i.test(statusLine)) {
      return { status, headers: toHeaders(lines), bodyStart: start };
    }
  }
}

function toHeaders(lines: string[]): Headers {
  const headers = new Headers();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}
