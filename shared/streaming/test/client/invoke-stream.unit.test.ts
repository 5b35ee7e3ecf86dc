import { Buffer } from 'node:buffer';
import type { InvokeWithResponseStreamResponseEvent } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { decodeLogResult, readInvokeStream } from '../../src/client/index.js';

async function* events(
  ...items: InvokeWithResponseStreamResponseEvent[]
): AsyncGenerator<InvokeWithResponseStreamResponseEvent> {
  yield* items;
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

describe('readInvokeStream', () => {
  it('stamps each event with its arrival time on the given clock', async () => {
    // Arrange
    const ticks = [105, 130];
    const now = () => ticks.shift() ?? Number.NaN;
    const stream = events({ PayloadChunk: { Payload: Buffer.from('x') } }, { InvokeComplete: {} });

    // Act
    const result = await collect(readInvokeStream(stream, { startMs: 100, now }));

    // Assert
    expect(result.map((event) => event.atMs)).toEqual([5, 30]);
  });

  it('skips unknown events and stops reading after InvokeComplete', async () => {
    // Arrange
    const stream = events(
      { $unknown: ['Future', {}] },
      { InvokeComplete: { ErrorCode: '' } },
      { PayloadChunk: { Payload: Buffer.from('late') } },
    );

    // Act
    const result = await collect(readInvokeStream(stream));

    // Assert
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ type: 'complete', errorCode: undefined, bytesReceived: 0 });
  });

  it('treats an absent event stream as empty', async () => {
    // Arrange, Act
    const result = await collect(readInvokeStream(undefined, { requireComplete: false }));

    // Assert
    expect(result).toEqual([]);
  });
});

describe('decodeLogResult', () => {
  it.each([
    ['aGVsbG8K', 'hello\n'],
    ['', undefined],
    [undefined, undefined],
  ])('decodes %j to %j', (input, expected) => {
    // Arrange, Act
    const decoded = decodeLogResult(input);

    // Assert
    expect(decoded).toBe(expected);
  });
});
