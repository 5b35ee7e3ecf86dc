import { paced } from '@lambda-streaming/streaming';

/** What the function streams, one line at a time. Replace it with what your pattern streams. */
export const LINES = [
  '1/5 This line leaves the function at once.',
  '2/5 Each next line comes 200 ms later.',
  '3/5 The client shows every line as it arrives.',
  '4/5 Nothing waits for the whole response.',
  '5/5 After this line the function ends the stream.',
] as const;

/** Pause between two lines. */
export const LINE_INTERVAL_MS = 200;

/**
 * Yields {@link LINES}, each with its newline: the first at once, each next one `intervalMs`
 * later, so the response is made over time as a real source would make it.
 *
 * @param intervalMs - Pause between two lines.
 * @returns The lines, as text chunks.
 * @example
 * ```ts
 * for await (const line of lines(0)) process.stdout.write(line);
 * ```
 */
export function lines(intervalMs: number = LINE_INTERVAL_MS): AsyncGenerator<string> {
  return paced(
    LINES.map((line) => `${line}\n`),
    intervalMs,
  );
}
