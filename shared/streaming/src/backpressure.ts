import type { ResponseStream } from './types.js';

/**
 * Writes one chunk and, when the stream's buffer is full, waits for `'drain'` before
 * resolving, so a fast producer never piles the whole response up in memory. A slow client
 * then slows the function down, as it should.
 *
 * @param stream - The response stream (or any writable).
 * @param chunk - Bytes or text to send.
 * @returns Resolves when the stream can take more.
 * @throws The stream's error, or an error when it closes before draining.
 * @example
 * ```ts
 * for (const part of parts) await writeChunk(stream, part);
 * stream.end();
 * ```
 */
export async function writeChunk(
  stream: Pick<ResponseStream, 'write' | 'once' | 'off'>,
  chunk: string | Uint8Array,
): Promise<void> {
  if (stream.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      stream.off('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new Error('The response stream closed before it drained'));
    const onError = (error: Error) => settle(error);
    stream.once('drain', onDrain);
    stream.once('close', onClose);
    stream.once('error', onError);
  });
}
