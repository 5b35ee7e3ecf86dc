import { Writable } from 'node:stream';
import type { ResponseStream } from '../../src/index.js';
import { applyResponseStreamSemantics } from '../../src/wire/index.js';

/**
 * A minimal runtime-faithful response stream for this package's own tests (the full double
 * lives in @lambda-streaming/testing, which depends on this package).
 */
export function recordingStream(options: { highWaterMark?: number; writeDelayMs?: number } = {}) {
  const writes: Buffer[] = [];
  const state = { contentType: 'application/octet-stream' };
  const inner = new Writable({
    highWaterMark: options.highWaterMark ?? 16 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      writes.push(chunk);
      if (options.writeDelayMs) setTimeout(callback, options.writeDelayMs);
      else callback();
    },
  });
  const stream = applyResponseStreamSemantics(inner, (type) => {
    state.contentType = type;
  }) as unknown as ResponseStream;
  return { stream, writes, state, bytes: () => Buffer.concat(writes) };
}
