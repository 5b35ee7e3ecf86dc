import { request } from 'node:http';
import {
  InvokeWithResponseStreamCommand,
  type InvokeWithResponseStreamResponseEvent,
} from '@aws-sdk/client-lambda';
import { NodeSha256 } from '@lambda-streaming/streaming/node-sha256';
import { createSigV4Signer } from '@lambda-streaming/streaming/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { deferred } from '../../fixtures/frontend/deferred.js';
import { createFakeService } from '../../fixtures/frontend/fake-service.js';
import { CREDENTIALS, REGION, type RunningApi, startApi } from '../../fixtures/frontend/servers.js';

async function readEvents(
  stream: AsyncIterable<InvokeWithResponseStreamResponseEvent> | undefined,
) {
  const events: InvokeWithResponseStreamResponseEvent[] = [];
  for await (const event of stream ?? []) events.push(event);
  return events;
}

const chunkText = (events: InvokeWithResponseStreamResponseEvent[]) =>
  events.map((event) => Buffer.from(event.PayloadChunk?.Payload ?? []).toString()).join('');

describe('InvokeWithResponseStream', () => {
  let api: RunningApi;
  afterEach(() => api.close());

  it('delivers the first PayloadChunk before the function finishes', async () => {
    // Arrange
    const firstChunkSeen = deferred();
    const service = createFakeService([{ name: 'Story' }], {
      Story: async (invocation) => {
        await invocation.write('once ');
        await firstChunkSeen.promise;
        await invocation.write('upon a time');
        invocation.finish();
      },
    });
    api = await startApi(service);

    // Act
    const response = await api.client.send(
      new InvokeWithResponseStreamCommand({ FunctionName: 'Story' }),
    );
    const events: InvokeWithResponseStreamResponseEvent[] = [];
    for await (const event of response.EventStream ?? []) {
      events.push(event);
      if (events.length === 1) firstChunkSeen.resolve();
    }

    // Assert
    expect(response.StatusCode).toBe(200);
    expect(response.ExecutedVersion).toBe('$LATEST');
    expect(response.ResponseStreamContentType).toBe('application/vnd.amazon.eventstream');
    expect(Buffer.from(events[0]?.PayloadChunk?.Payload ?? []).toString()).toBe('once ');
    expect(chunkText(events)).toBe('once upon a time');
    expect(events.at(-1)?.InvokeComplete).toEqual({});
    expect(events.filter((event) => event.InvokeComplete)).toHaveLength(1);
    expect(service.invocations[0]?.request.delivery).toBe('stream');
  });

  it('reports a midstream error in InvokeComplete after the chunks already written', async () => {
    // Arrange
    const service = createFakeService([{ name: 'Midstream' }], {
      Midstream: async (invocation) => {
        await invocation.write('four words then ');
        invocation.finish({ error: { errorType: 'Error', errorMessage: 'midstream failure' } });
      },
    });
    api = await startApi(service);

    // Act
    const response = await api.client.send(
      new InvokeWithResponseStreamCommand({ FunctionName: 'Midstream' }),
    );
    const events = await readEvents(response.EventStream);

    // Assert
    expect(response.StatusCode).toBe(200);
    expect(chunkText(events)).toBe('four words then ');
    expect(events.at(-1)?.InvokeComplete).toEqual({
      ErrorCode: 'Error',
      ErrorDetails: 'midstream failure',
    });
  });

  it('reports an error before any byte as the only event', async () => {
    // Arrange
    const service = createFakeService([{ name: 'Timeout' }], {
      Timeout: (invocation) =>
        invocation.finish({
          error: {
            errorType: 'Sandbox.Timedout',
            errorMessage: 'Task timed out after 1.00 seconds',
          },
        }),
    });
    api = await startApi(service, { errorDetails: 'payload' });

    // Act
    const response = await api.client.send(
      new InvokeWithResponseStreamCommand({ FunctionName: 'Timeout' }),
    );
    const events = await readEvents(response.EventStream);

    // Assert
    expect(events).toHaveLength(1);
    expect(events[0]?.InvokeComplete?.ErrorCode).toBe('Sandbox.Timedout');
    expect(JSON.parse(events[0]?.InvokeComplete?.ErrorDetails ?? '')).toMatchObject({
      errorMessage: 'Task timed out after 1.00 seconds',
    });
  });

  it('passes the http-integration prelude through untouched and adds LogResult with Tail', async () => {
    // Arrange
    const prelude = Buffer.concat([Buffer.from('{"statusCode":201}'), Buffer.alloc(8)]);
    const service = createFakeService([{ name: 'Http' }], {
      Http: async (invocation) => {
        invocation.start('application/vnd.awslambda.http-integration-response');
        await invocation.write(Buffer.concat([prelude, Buffer.from('body')]));
        invocation.finish({ logs: 'REPORT RequestId: x\n' });
      },
    });
    api = await startApi(service);

    // Act
    const response = await api.client.send(
      new InvokeWithResponseStreamCommand({ FunctionName: 'Http', LogType: 'Tail' }),
    );
    const events = await readEvents(response.EventStream);

    // Assert
    const bytes = Buffer.concat(
      events.map((event) => event.PayloadChunk?.Payload ?? new Uint8Array()),
    );
    expect(bytes.equals(Buffer.concat([prelude, Buffer.from('body')]))).toBe(true);
    const logResult = events.at(-1)?.InvokeComplete?.LogResult ?? '';
    expect(Buffer.from(logResult, 'base64').toString()).toBe('REPORT RequestId: x\n');
  });

  it('splits a chunk larger than 1 MiB into several PayloadChunk frames', async () => {
    // Arrange
    const big = Buffer.alloc(3 * 1024 * 1024, 7);
    const service = createFakeService([{ name: 'Big' }], {
      Big: async (invocation) => {
        await invocation.write(big);
        invocation.finish();
      },
    });
    api = await startApi(service);

    // Act
    const response = await api.client.send(
      new InvokeWithResponseStreamCommand({ FunctionName: 'Big' }),
    );
    const events = await readEvents(response.EventStream);

    // Assert
    const payloads = events.flatMap((event) =>
      event.PayloadChunk?.Payload ? [event.PayloadChunk.Payload] : [],
    );
    expect(payloads.length).toBeGreaterThanOrEqual(3);
    expect(payloads.every((payload) => payload.length <= 1024 * 1024)).toBe(true);
    expect(Buffer.concat(payloads).equals(big)).toBe(true);
  });

  it('answers 204 for a DryRun without invoking', async () => {
    // Arrange
    const service = createFakeService([{ name: 'Fn' }]);
    api = await startApi(service);

    // Act
    const response = await api.client.send(
      new InvokeWithResponseStreamCommand({ FunctionName: 'Fn', InvocationType: 'DryRun' }),
    );

    // Assert
    expect(response.StatusCode).toBe(204);
    expect(service.invocations).toHaveLength(0);
  });

  it('discards the output when the client disconnects mid-stream', async () => {
    // Arrange
    const service = createFakeService([{ name: 'Endless' }]);
    api = await startApi(service);
    const signed = await signedStreamRequest(api.endpoint, 'Endless');

    // Act
    const req = request(signed.url, { method: 'POST', headers: signed.headers });
    req.on('error', () => {});
    req.end();
    const invocation = await service.nextInvocation();
    await invocation.write('first');
    const response = await new Promise<import('node:http').IncomingMessage>((resolve) =>
      req.on('response', resolve),
    );
    await new Promise((resolve) => response.once('data', resolve));
    req.destroy();
    await invocation.whenDiscarded;
    await invocation.write('more output nobody reads');
    invocation.finish();

    // Assert
    expect(invocation.discarded).toBe(true);
    expect((await invocation.handle.outcome).error).toBeUndefined();
  });
});

async function signedStreamRequest(endpoint: string, name: string) {
  const url = new URL(`/2021-11-15/functions/${name}/response-streaming-invocations`, endpoint);
  const sign = createSigV4Signer({ region: REGION, credentials: CREDENTIALS, sha256: NodeSha256 });
  const signed = await sign({ url, method: 'POST', body: '' });
  return { url, headers: signed.headers };
}
