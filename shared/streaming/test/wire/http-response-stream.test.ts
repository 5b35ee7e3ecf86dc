import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  applyResponseStreamSemantics,
  createAwslambdaGlobal,
  HIGH_WATER_MARK_SYMBOL,
  HTTP_INTEGRATION_CONTENT_TYPE,
  HttpResponseStream,
  InvalidStreamingOperation,
  isStreamingHandler,
  STREAMING_HANDLER_SYMBOL,
  tagStreamingHandler,
} from '../../src/wire/index.js';

function recorder() {
  const writes: Buffer[] = [];
  let contentType = 'application/octet-stream';
  const inner = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      writes.push(chunk);
      callback();
    },
  });
  const stream = applyResponseStreamSemantics(inner, (type) => {
    contentType = type;
  });
  return { stream, writes, contentType: () => contentType };
}

describe('runtime response stream semantics', () => {
  it('writes the prelude and delimiter before the first chunk only', () => {
    // Arrange
    const { stream, writes, contentType } = recorder();

    // Act
    HttpResponseStream.from(stream, { statusCode: 200 });
    stream.write('a');
    stream.write('b');

    // Assert
    expect(contentType()).toBe(HTTP_INTEGRATION_CONTENT_TYPE);
    expect(writes.map((w) => w.toString('latin1'))).toEqual([
      '{"statusCode":200}',
      '\0\0\0\0\0\0\0\0',
      'a',
      'b',
    ]);
  });

  it('sends no prelude when end(data) comes before any write, as the runtime does', () => {
    // Arrange
    const { stream, writes, contentType } = recorder();

    // Act
    HttpResponseStream.from(stream, { statusCode: 404 });
    stream.end('not found');

    // Assert: runtime client issue #97, reproduced on purpose
    expect(contentType()).toBe(HTTP_INTEGRATION_CONTENT_TYPE);
    expect(Buffer.concat(writes).toString()).toBe('not found');
  });

  it('JSON-stringifies chunks that are not strings or bytes', () => {
    // Arrange
    const { stream, writes } = recorder();

    // Act
    stream.write({ a: 1 });
    stream.write([1, 2]);
    stream.write(new Uint8Array([104, 105]));

    // Assert
    expect(writes.map((w) => w.toString())).toEqual(['{"a":1}', '[1,2]', 'hi']);
  });

  it('throws a TypeError for a null or undefined chunk, as the runtime does', () => {
    // Arrange
    const { stream } = recorder();

    // Act + Assert
    expect(() => stream.write(null)).toThrow(TypeError);
    expect(() => stream.write(undefined)).toThrow(TypeError);
  });

  it('refuses setContentType after the first write', () => {
    // Arrange
    const { stream } = recorder();
    stream.setContentType('text/plain');
    stream.write('x');

    // Act + Assert
    expect(() => stream.setContentType('text/html')).toThrow(InvalidStreamingOperation);
    expect(() => stream.setContentType('text/html')).toThrow('Cannot set content-type, too late.');
  });

  it('names the error as the runtime names it', () => {
    // Act
    const error = new InvalidStreamingOperation('x');

    // Assert
    expect(error.name).toBe('Runtime.InvalidStreamingOperation');
  });
});

describe('streaming handler tag', () => {
  it('tags the same function object instead of wrapping it', () => {
    // Arrange
    const handler = async () => {};

    // Act
    const tagged = tagStreamingHandler(handler, { highWaterMark: 1024 });

    // Assert
    expect(tagged).toBe(handler);
    expect((tagged as unknown as Record<symbol, unknown>)[STREAMING_HANDLER_SYMBOL]).toBe(
      'response',
    );
    expect((tagged as unknown as Record<symbol, unknown>)[HIGH_WATER_MARK_SYMBOL]).toBe(1024);
    expect(isStreamingHandler(tagged)).toBe(true);
  });

  it('uses the global registry symbol the runtime looks for', () => {
    // Act
    const tagged = createAwslambdaGlobal().streamifyResponse(async () => {});

    // Assert
    expect(
      (tagged as unknown as Record<symbol, unknown>)[
        Symbol.for('aws.lambda.runtime.handler.streaming')
      ],
    ).toBe('response');
  });

  it('does not take an untagged function or a non-function for a streaming handler', () => {
    // Assert
    expect(isStreamingHandler(async () => {})).toBe(false);
    expect(isStreamingHandler({ [STREAMING_HANDLER_SYMBOL]: 'response' })).toBe(false);
  });
});
