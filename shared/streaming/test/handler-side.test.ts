import { once } from 'node:events';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gunzipSync, constants as zlibConstants } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushingGzip, httpResponse, paced, streamifyResponse, writeChunk } from '../src/index.js';
import {
  createAwslambdaGlobal,
  decodeHttpPrelude,
  HTTP_INTEGRATION_CONTENT_TYPE,
  isStreamingHandler,
} from '../src/wire/index.js';
import { recordingStream } from './helpers/recorder.js';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('streamifyResponse', () => {
  it('delegates to the runtime global when one is installed', () => {
    // Arrange
    const runtime = createAwslambdaGlobal();
    const spy = vi.spyOn(runtime, 'streamifyResponse');
    vi.stubGlobal('awslambda', runtime);

    // Act
    const handler = streamifyResponse(async () => {});

    // Assert
    expect(spy).toHaveBeenCalledOnce();
    expect(isStreamingHandler(handler)).toBe(true);
  });

  it('tags the handler itself when no runtime global exists', () => {
    // Act
    const handler = streamifyResponse(async () => {});

    // Assert
    expect(isStreamingHandler(handler)).toBe(true);
  });
});

describe('httpResponse', () => {
  it('sends status and headers even when the body is empty', () => {
    // Arrange
    const { stream, state, bytes } = recordingStream();

    // Act
    const http = httpResponse(stream, { statusCode: 301, headers: { location: '/new' } });
    http.end();

    // Assert
    expect(state.contentType).toBe(HTTP_INTEGRATION_CONTENT_TYPE);
    expect(decodeHttpPrelude(bytes())).toEqual({
      prelude: { statusCode: 301, headers: { location: '/new' } },
      rest: Buffer.alloc(0),
    });
  });

  it('keeps the prelude when the handler ends with data and no write', () => {
    // Arrange
    const { stream, bytes } = recordingStream();

    // Act
    httpResponse(stream, { statusCode: 404 }).end('not found');

    // Assert
    const decoded = decodeHttpPrelude(bytes());
    expect(decoded?.prelude.statusCode).toBe(404);
    expect(decoded?.rest.toString()).toBe('not found');
  });

  it('defaults the status code to 200 and passes cookies through', () => {
    // Arrange
    const { stream, bytes } = recordingStream();

    // Act
    httpResponse(stream, { cookies: ['a=1; Path=/'] }).end();

    // Assert
    expect(decodeHttpPrelude(bytes())?.prelude).toEqual({
      statusCode: 200,
      cookies: ['a=1; Path=/'],
    });
  });

  it('uses the runtime global HttpResponseStream when one is installed', () => {
    // Arrange
    const runtime = createAwslambdaGlobal();
    const from = vi.spyOn(runtime.HttpResponseStream, 'from');
    vi.stubGlobal('awslambda', runtime);
    const { stream } = recordingStream();

    // Act
    httpResponse(stream, {});

    // Assert
    expect(from).toHaveBeenCalledOnce();
  });
});

describe('writeChunk', () => {
  it('waits for drain when the stream buffer is full', async () => {
    // Arrange
    const { stream, writes } = recordingStream({ highWaterMark: 4, writeDelayMs: 5 });
    let resolved = false;

    // Act
    const pending = writeChunk(stream, 'more than four bytes').then(() => {
      resolved = true;
    });
    await Promise.resolve();

    // Assert
    expect(resolved).toBe(false);
    await pending;
    expect(resolved).toBe(true);
    expect(Buffer.concat(writes).toString()).toBe('more than four bytes');
  });

  it('resolves at once while the buffer has room', async () => {
    // Arrange
    const { stream } = recordingStream();

    // Act + Assert
    await expect(writeChunk(stream, 'x')).resolves.toBeUndefined();
  });

  it('rejects when the stream closes before it drains', async () => {
    // Arrange
    const { stream } = recordingStream({ highWaterMark: 1, writeDelayMs: 1000 });

    // Act
    const pending = writeChunk(stream, 'xx');
    stream.destroy();

    // Assert
    await expect(pending).rejects.toThrow(/closed before it drained/);
  });
});

describe('paced', () => {
  it('yields the first item at once and each next one after the interval', async () => {
    // Arrange
    vi.useFakeTimers();
    const seen: string[] = [];
    const iterator = paced(['a', 'b', 'c'], 1000);

    // Act
    const consumed = (async () => {
      for await (const item of iterator) seen.push(item);
    })();
    await vi.advanceTimersByTimeAsync(0);
    const atStart = [...seen];
    await vi.advanceTimersByTimeAsync(1000);
    const afterOneInterval = [...seen];
    await vi.advanceTimersByTimeAsync(1000);
    await consumed;

    // Assert
    expect(atStart).toEqual(['a']);
    expect(afterOneInterval).toEqual(['a', 'b']);
    expect(seen).toEqual(['a', 'b', 'c']);
  });
});

describe('flushingGzip', () => {
  it('emits decompressible output for each input chunk before the input ends', async () => {
    // Arrange
    const gzip = flushingGzip();
    const output: Buffer[] = [];
    const decompressed = () =>
      gunzipSync(Buffer.concat(output), { finishFlush: zlibConstants.Z_SYNC_FLUSH }).toString();

    // Act: write one record and keep the stream open; wait for output without ending it
    gzip.write('first record\n');
    while (decompressed() !== 'first record\n') {
      output.push((await once(gzip, 'data'))[0] as Buffer);
    }

    // Assert
    expect(gzip.writableEnded).toBe(false);
    expect(decompressed()).toBe('first record\n');
    gzip.end();
  });

  it('round-trips a whole stream through pipeline', async () => {
    // Arrange
    const { stream, bytes } = recordingStream();
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i}\n`);

    // Act
    await pipeline(Readable.from(lines), flushingGzip(), stream);

    // Assert
    expect(gunzipSync(bytes()).toString()).toBe(lines.join(''));
  });
});
