import { afterEach, describe, expect, it, vi } from 'vitest';
import { createResponseStream } from '../src/index.js';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('response stream double', () => {
  it('separates the prelude from the body chunks', () => {
    // Arrange
    const stream = createResponseStream();

    // Act
    awslambda.HttpResponseStream.from(stream, { statusCode: 202, headers: { a: 'b' } });
    stream.write('one');
    stream.write('two');
    stream.end();

    // Assert
    expect(stream.prelude()).toEqual({ statusCode: 202, headers: { a: 'b' } });
    expect(stream.text()).toBe('onetwo');
    expect(stream.chunks().map((c) => c.data.toString())).toEqual(['one', 'two']);
    expect(stream.bytes().length).toBe('{"statusCode":202,"headers":{"a":"b"}}'.length + 8 + 6);
  });

  it('records no prelude when end(data) comes first, as the runtime does', () => {
    // Arrange
    const stream = createResponseStream();

    // Act
    awslambda.HttpResponseStream.from(stream, { statusCode: 404 });
    stream.end('not found');

    // Assert
    expect(stream.contentType).toBe('application/vnd.awslambda.http-integration-response');
    expect(stream.prelude()).toBeUndefined();
    expect(stream.text()).toBe('not found');
  });

  it('treats the body as everything when no prelude is used', () => {
    // Arrange
    const stream = createResponseStream();

    // Act
    stream.setContentType('text/plain');
    stream.write({ hello: 'world' });
    stream.end();

    // Assert
    expect(stream.contentType).toBe('text/plain');
    expect(stream.prelude()).toBeUndefined();
    expect(stream.text()).toBe('{"hello":"world"}');
  });

  it('rejects setContentType after the first write', () => {
    // Arrange
    const stream = createResponseStream();
    stream.write('x');

    // Act + Assert
    expect(() => stream.setContentType('text/html')).toThrow('Cannot set content-type, too late.');
  });

  it('leaves empty writes out of the chunk list', () => {
    // Arrange
    const stream = createResponseStream();

    // Act
    stream.write('');
    stream.write('a');

    // Assert
    expect(stream.chunks()).toHaveLength(1);
  });

  it('stamps each chunk with the (fake) time of its write and the end', async () => {
    // Arrange
    vi.useFakeTimers({ now: 0 });
    const stream = createResponseStream();

    // Act
    stream.write('a');
    await vi.advanceTimersByTimeAsync(1000);
    stream.write('b');
    stream.end();
    await vi.advanceTimersByTimeAsync(0);

    // Assert
    expect(stream.chunks().map((c) => [c.data.toString(), c.at])).toEqual([
      ['a', 0],
      ['b', 1000],
    ]);
    expect(stream.finishedAt).toBe(1000);
  });

  it('acts as a slow client that applies backpressure', async () => {
    // Arrange
    const stream = createResponseStream({ highWaterMark: 4, writeDelayMs: 5 });

    // Act
    const accepted = stream.write('12345678');
    await new Promise((resolve) => stream.once('drain', resolve));

    // Assert
    expect(accepted).toBe(false);
    expect(stream.text()).toBe('12345678');
  });
});
