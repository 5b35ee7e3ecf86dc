import { afterEach, describe, expect, it, vi } from 'vitest';
import { createResponseStream } from '../src/index.js';

afterEach(() => {
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

  it('holds everything back under a paused reader until it resumes, then drains', async () => {
    // Arrange
    vi.useFakeTimers({ now: 0 });
    const stream = createResponseStream({ highWaterMark: 4, paused: true });
    let drained = false;
    stream.once('drain', () => {
      drained = true;
    });

    // Act
    const first = stream.write('1234');
    await stream.backpressured();
    await vi.advanceTimersByTimeAsync(500);
    const whilePaused = { text: stream.text(), drained };
    stream.resumeReading();
    await vi.advanceTimersByTimeAsync(0);

    // Assert
    expect(first).toBe(false);
    expect(whilePaused).toEqual({ text: '', drained: false });
    expect(drained).toBe(true);
    expect(stream.writes).toEqual([{ at: 0, length: 4, accepted: false }]);
    expect(stream.chunks().map((chunk) => [chunk.data.toString(), chunk.at])).toEqual([
      ['1234', 500],
    ]);
  });

  it('ends only once a paused reader has read everything', async () => {
    // Arrange
    const stream = createResponseStream({ paused: true });
    const finished = new Promise((resolve) => stream.once('finish', resolve));

    // Act
    stream.write('a');
    stream.end();
    await new Promise((resolve) => setImmediate(resolve));
    const beforeResume = stream.finishedAt;
    stream.resumeReading();
    await finished;

    // Assert
    expect(beforeResume).toBeUndefined();
    expect(stream.finishedAt).toBeTypeOf('number');
  });
});

describe('write semantics per runtime', () => {
  class Bytes extends Uint8Array {}

  it('stringifies a Uint8Array subclass on nodejs22.x and sends its bytes on nodejs24.x', () => {
    // Arrange
    const on22 = createResponseStream({ runtime: 'nodejs22.x' });
    const on24 = createResponseStream({ runtime: 'nodejs24.x' });

    // Act
    on22.write(new Bytes([104, 105]));
    on24.write(new Bytes([104, 105]));

    // Assert
    expect(on22.text()).toBe('{"0":104,"1":105}');
    expect(on24.text()).toBe('hi');
  });

  it('takes one argument in end() on nodejs22.x, as aws-lambda-ric 3.3.0 wraps it', async () => {
    // Arrange
    const on22 = createResponseStream({ runtime: 'nodejs22.x' });
    const on24 = createResponseStream({ runtime: 'nodejs24.x' });
    const called = { on22: false, on24: false };

    // Act
    on22.end('x', () => {
      called.on22 = true;
    });
    on24.end('x', () => {
      called.on24 = true;
    });
    await new Promise((resolve) => setImmediate(resolve));

    // Assert
    expect(called).toEqual({ on22: false, on24: true });
  });
});
