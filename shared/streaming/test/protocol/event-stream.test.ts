import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { describe, expect, it } from 'vitest';
import {
  decodeEventStreamMessage,
  EventStreamDecoder,
  EventStreamSplitter,
  encodeEventStreamMessage,
  InvokeStreamReader,
  invokeCompleteFrame,
  MAX_CHUNK_PAYLOAD_BYTES,
  payloadChunkFrame,
  payloadChunkFrames,
} from '../../src/protocol/index.js';

/** Text header as written on the wire: name length, name, type 7, value length, value. */
function header(name: string, value: string): string {
  const hex = (text: string) => Buffer.from(text).toString('hex');
  const length = value.length.toString(16).padStart(4, '0');
  return `${name.length.toString(16).padStart(2, '0')}${hex(name)}07${length}${hex(value)}`;
}

// The worked example of spec §3.3, byte for byte: a PayloadChunk of `hello`, 111 bytes.
const HELLO_FRAME = Buffer.from(
  `0000006f0000005af5fe871f${header(':event-type', 'PayloadChunk')}${header(
    ':content-type',
    'application/octet-stream',
  )}${header(':message-type', 'event')}68656c6c6f29e71260`,
  'hex',
);

function pieces(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}

describe('Lambda event frames', () => {
  it('encodes a PayloadChunk exactly as the worked example of the spec', () => {
    // Act
    const frame = payloadChunkFrame('hello');

    // Assert
    expect(Buffer.from(frame).toString('hex')).toBe(HELLO_FRAME.toString('hex'));
  });

  it('encodes an InvokeComplete of 102 bytes with the prelude and CRC of the spec', () => {
    // Act
    const frame = Buffer.from(invokeCompleteFrame());

    // Assert
    expect(frame.length).toBe(102);
    expect(frame.subarray(0, 12).toString('hex')).toBe('00000066000000541f56c869');
    expect(frame.subarray(-6).toString('hex')).toBe('7b7d7006d467');
  });

  it('splits a payload larger than the largest chunk into frames that keep every byte', () => {
    // Arrange
    const payload = new Uint8Array(MAX_CHUNK_PAYLOAD_BYTES * 2 + 3).map((_, i) => i % 251);

    // Act
    const frames = payloadChunkFrames(payload);

    // Assert
    const bodies = frames.map((frame) => decodeEventStreamMessage(frame).body);
    expect(bodies.map((body) => body.length)).toEqual([
      MAX_CHUNK_PAYLOAD_BYTES,
      MAX_CHUNK_PAYLOAD_BYTES,
      3,
    ]);
    expect(Buffer.concat(bodies).equals(Buffer.from(payload))).toBe(true);
    expect(payloadChunkFrames(new Uint8Array(0))).toEqual([]);
  });
});

describe('encodeEventStreamMessage and decodeEventStreamMessage', () => {
  it('round-trip headers of every kind Lambda uses and the body', () => {
    // Arrange
    const message = {
      headers: {
        ':message-type': { type: 'string' as const, value: 'exception' },
        ':exception-type': { type: 'string' as const, value: 'ServiceException' },
      },
      body: fromUtf8('{"message":"boom"}'),
    };

    // Act
    const decoded = decodeEventStreamMessage(encodeEventStreamMessage(message));

    // Assert
    expect(decoded.headers).toEqual(message.headers);
    expect(toUtf8(decoded.body)).toBe('{"message":"boom"}');
  });

  it('refuses a message whose CRC does not match', () => {
    // Arrange
    const damaged = Buffer.from(HELLO_FRAME);
    damaged.writeUInt8(damaged.readUInt8(damaged.length - 6) ^ 1, damaged.length - 6);

    // Act, Assert
    expect(() => decodeEventStreamMessage(damaged)).toThrow(/checksum/i);
  });
});

describe('EventStreamSplitter and EventStreamDecoder', () => {
  it.each([1, 7, 111, 1000])(
    'hand out whole messages however the bytes are cut (pieces of %i)',
    (size) => {
      // Arrange
      const stream = concat(payloadChunkFrame('one'), HELLO_FRAME, invokeCompleteFrame());
      const splitter = new EventStreamSplitter();
      const decoder = new EventStreamDecoder();

      // Act
      const frames = pieces(stream, size).flatMap((piece) => splitter.push(piece));
      const messages = pieces(stream, size).flatMap((piece) => decoder.push(piece));

      // Assert
      expect(frames.map((frame) => frame.length)).toEqual([109, 111, 102]);
      expect(messages.map((m) => toUtf8(m.body))).toEqual(['one', 'hello', '{}']);
      expect(splitter.pendingBytes).toBe(0);
      expect(decoder.pendingBytes).toBe(0);
    },
  );

  it('keep the bytes of an unfinished message', () => {
    // Arrange
    const splitter = new EventStreamSplitter();

    // Act
    const frames = splitter.push(HELLO_FRAME.subarray(0, 50));

    // Assert
    expect(frames).toEqual([]);
    expect(splitter.pendingBytes).toBe(50);
  });

  it('refuse a length too short for a message', () => {
    // Act, Assert
    expect(() => new EventStreamSplitter().push(new Uint8Array([0, 0, 0, 3]))).toThrow(
      'event stream message of 3 bytes is too short',
    );
  });
});

describe('InvokeStreamReader', () => {
  it('reads payload chunks, then InvokeComplete with its fields', () => {
    // Arrange
    const reader = new InvokeStreamReader();
    const stream = concat(
      payloadChunkFrame('hello '),
      payloadChunkFrame('world'),
      invokeCompleteFrame({ ErrorCode: 'Unhandled', ErrorDetails: 'boom', LogResult: 'bG9n' }),
    );

    // Act
    const events = pieces(stream, 10).flatMap((piece) => reader.push(piece));

    // Assert
    expect(events.map((e) => e.type)).toEqual(['PayloadChunk', 'PayloadChunk', 'InvokeComplete']);
    const text = events.map((e) => (e.type === 'PayloadChunk' ? toUtf8(e.payload) : '')).join('');
    expect(text).toBe('hello world');
    expect(events[2]).toEqual({
      type: 'InvokeComplete',
      errorCode: 'Unhandled',
      errorDetails: 'boom',
      logResult: 'bG9n',
    });
    expect(reader.pendingBytes).toBe(0);
  });

  it('reads exception and error messages, and skips event types Lambda does not define', () => {
    // Arrange
    const string = (value: string) => ({ type: 'string' as const, value });
    const exception = encodeEventStreamMessage({
      headers: { ':message-type': string('exception'), ':exception-type': string('Throttled') },
      body: fromUtf8('slow down'),
    });
    const error = encodeEventStreamMessage({
      headers: {
        ':message-type': string('error'),
        ':error-code': string('InternalFailure'),
        ':error-message': string('it broke'),
      },
      body: new Uint8Array(0),
    });
    const unknown = encodeEventStreamMessage({
      headers: { ':message-type': string('event'), ':event-type': string('SomethingNew') },
      body: fromUtf8('{}'),
    });

    // Act
    const events = new InvokeStreamReader().push(concat(unknown, exception, error));

    // Assert
    expect(events).toEqual([
      { type: 'exception', name: 'Throttled', message: 'slow down' },
      { type: 'exception', name: 'InternalFailure', message: 'it broke' },
    ]);
  });
});
