import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { invokeCompleteFrame, payloadChunkFrame } from '@lambda-streaming/streaming/protocol';
import { describe, expect, it } from 'vitest';
import { writePattern } from '../bench/fixtures/bytes/content.mjs';
import { EventStreamBody } from '../bench/lib/event-stream-body.js';
import { patternSha256 } from '../bench/lib/pattern-digest.js';

function pieces(bytes: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

describe('EventStreamBody', () => {
  it('returns the payloads and keeps the InvokeComplete fields', () => {
    // Arrange
    const body = new EventStreamBody();
    const stream = Buffer.concat([
      payloadChunkFrame('hello '),
      payloadChunkFrame('world'),
      invokeCompleteFrame({ ErrorCode: 'Unhandled', ErrorDetails: 'boom', LogResult: 'bG9n' }),
    ]);

    // Act
    const payloads = pieces(stream, 10).flatMap((piece) => body.push(piece));

    // Assert
    expect(Buffer.concat(payloads).toString()).toBe('hello world');
    expect(body.completion).toEqual({ errorCode: 'Unhandled', errorDetails: 'boom' });
  });
});

describe('patternSha256', () => {
  it('is the hash of what the fixtures write', async () => {
    // Arrange
    const hash = createHash('sha256');
    const sink = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        setImmediate(done);
      },
    });
    const total = 200_000;

    // Act
    await writePattern(sink, total);

    // Assert
    expect(hash.digest('hex')).toBe(patternSha256(total));
  });
});
