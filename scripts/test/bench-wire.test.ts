import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { EventStreamCodec, type MessageHeaders } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { describe, expect, it } from 'vitest';
import { writePattern } from '../bench/fixtures/bytes/content.mjs';
import { EventStreamBody } from '../bench/lib/event-stream-body.js';
import { FrameSplitter } from '../bench/lib/frame-splitter.js';
import { patternSha256 } from '../bench/lib/pattern-digest.js';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

function frame(eventType: string, body: string): Buffer {
  const headers: MessageHeaders = {
    ':event-type': { type: 'string', value: eventType },
    ':message-type': { type: 'string', value: 'event' },
  };
  return Buffer.from(codec.encode({ headers, body: fromUtf8(body) }));
}

function pieces(bytes: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

describe('FrameSplitter', () => {
  it('hands out whole messages however the bytes are cut', () => {
    // Arrange
    const stream = Buffer.concat([frame('PayloadChunk', 'one'), frame('PayloadChunk', 'two')]);
    const splitter = new FrameSplitter();

    // Act
    const frames = pieces(stream, 7).flatMap((piece) => splitter.push(piece));

    // Assert
    expect(frames.map((f) => toUtf8(codec.decode(f).body))).toEqual(['one', 'two']);
    expect(splitter.pendingBytes).toBe(0);
  });

  it('refuses a length too short for a message', () => {
    // Assert
    expect(() => new FrameSplitter().push(Buffer.from([0, 0, 0, 3]))).toThrow('too short');
  });
});

describe('EventStreamBody', () => {
  it('returns the payloads and keeps the InvokeComplete fields', () => {
    // Arrange
    const body = new EventStreamBody();
    const stream = Buffer.concat([
      frame('PayloadChunk', 'hello '),
      frame('PayloadChunk', 'world'),
      frame('InvokeComplete', '{"ErrorCode":"Unhandled","ErrorDetails":"boom"}'),
    ]);

    // Act
    const payloads = pieces(stream, 10).flatMap((piece) => body.push(piece));

    // Assert
    expect(payloads.map((p) => toUtf8(p)).join('')).toBe('hello world');
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
