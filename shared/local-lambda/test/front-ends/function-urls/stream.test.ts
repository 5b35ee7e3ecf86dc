import { afterEach, describe, expect, it } from 'vitest';
import { deferred } from '../../fixtures/frontend/deferred.js';
import { curl, type RunningUrl, startUrl } from '../../fixtures/frontend/url-servers.js';

const PRELUDE_TYPE = 'application/vnd.awslambda.http-integration-response';
const prelude = (value: unknown) =>
  Buffer.concat([Buffer.from(JSON.stringify(value)), Buffer.alloc(8)]);

describe('RESPONSE_STREAM function URL', () => {
  let running: RunningUrl;
  afterEach(() => running.close());

  it('streams the first chunk to curl before the function finishes', async () => {
    // Arrange
    const firstChunkSeen = deferred();
    running = await startUrl({ invokeMode: 'RESPONSE_STREAM' }, async (invocation) => {
      invocation.start('text/plain');
      await invocation.write('first|');
      await firstChunkSeen.promise;
      await invocation.write('second');
      invocation.finish();
    });

    // Act
    const result = await curl([running.url], (text) => {
      if (text.endsWith('first|')) firstChunkSeen.resolve();
    });

    // Assert
    expect(result.code).toBe(0);
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toEqual(['text/plain']);
    expect(result.headers.get('transfer-encoding')).toEqual(['chunked']);
    expect(result.headers.get('x-amzn-requestid')?.[0]).toBe(
      running.service.invocations[0]?.requestId,
    );
    expect(result.headers.get('x-amzn-trace-id')?.[0]).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    expect(result.body.toString()).toBe('first|second');
    expect(running.service.invocations[0]?.request.delivery).toBe('stream');
  });

  it('takes status, headers and cookies from the prelude, split across chunks', async () => {
    // Arrange
    const bytes = Buffer.concat([
      prelude({
        statusCode: 201,
        headers: { 'content-type': 'text/html', 'x-custom': 'yes' },
        cookies: ['a=1', 'b=2; Path=/'],
      }),
      Buffer.from('<p>made</p>'),
    ]);
    running = await startUrl({ invokeMode: 'RESPONSE_STREAM' }, async (invocation) => {
      invocation.start(PRELUDE_TYPE);
      await invocation.write(bytes.subarray(0, 10));
      await invocation.write(bytes.subarray(10, bytes.length - 14));
      await invocation.write(bytes.subarray(bytes.length - 14));
      invocation.finish();
    });

    // Act
    const result = await curl([running.url]);

    // Assert
    expect(result.status).toBe(201);
    expect(result.headers.get('content-type')).toEqual(['text/html']);
    expect(result.headers.get('x-custom')).toEqual(['yes']);
    expect(result.headers.get('set-cookie')).toEqual(['a=1', 'b=2; Path=/']);
    expect(result.body.toString()).toBe('<p>made</p>');
  });

  it.each([
    [
      'an error before the first byte',
      502,
      (invocation: import('../../fixtures/frontend/fake-service.js').FakeInvocation) => {
        invocation.finish({ error: { errorType: 'Error', errorMessage: 'early' } });
      },
    ],
    [
      'a streamed error before the first byte',
      502,
      (invocation: import('../../fixtures/frontend/fake-service.js').FakeInvocation) => {
        invocation.start('application/octet-stream');
        invocation.finish({ error: { errorType: 'Error', errorMessage: 'early' } });
      },
    ],
    [
      'an http-integration body without the delimiter',
      502,
      async (invocation: import('../../fixtures/frontend/fake-service.js').FakeInvocation) => {
        invocation.start(PRELUDE_TYPE);
        await invocation.write('{"statusCode":200}');
        invocation.finish();
      },
    ],
    [
      'an invalid prelude',
      502,
      async (invocation: import('../../fixtures/frontend/fake-service.js').FakeInvocation) => {
        invocation.start(PRELUDE_TYPE);
        await invocation.write(
          Buffer.concat([Buffer.from('not json'), Buffer.alloc(8), Buffer.from('x')]),
        );
        invocation.finish();
      },
    ],
    [
      'an empty http-integration body',
      200,
      (invocation: import('../../fixtures/frontend/fake-service.js').FakeInvocation) => {
        invocation.start(PRELUDE_TYPE);
        invocation.finish();
      },
    ],
  ])('answers %s with %i', async (_case, status, behaviour) => {
    // Arrange
    running = await startUrl({ invokeMode: 'RESPONSE_STREAM' }, behaviour);

    // Act
    const result = await curl([running.url]);

    // Assert
    expect(result.code).toBe(0);
    expect(result.status).toBe(status);
    if (status === 502) expect(result.body.toString()).toBe('Internal Server Error');
  });

  it('cuts the response off after a midstream error, so curl reports exit code 18', async () => {
    // Arrange
    running = await startUrl({ invokeMode: 'RESPONSE_STREAM' }, async (invocation) => {
      await invocation.write('partial ');
      invocation.finish({
        error: { errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 1.00 seconds' },
      });
    });

    // Act
    const result = await curl([running.url]);

    // Assert
    expect(result.status).toBe(200);
    expect(result.body.toString()).toBe('partial ');
    expect(result.code).toBe(18);
  });

  it('ends the response cleanly after a midstream error in errorMode end', async () => {
    // Arrange
    running = await startUrl(
      { invokeMode: 'RESPONSE_STREAM' },
      async (invocation) => {
        await invocation.write('partial ');
        invocation.finish({ error: { errorType: 'Error', errorMessage: 'late' } });
      },
      { errorMode: 'end' },
    );

    // Act
    const result = await curl([running.url]);

    // Assert
    expect(result.code).toBe(0);
    expect(result.body.toString()).toBe('partial ');
  });

  it('discards the output of a function whose client disconnected', async () => {
    // Arrange
    running = await startUrl({ invokeMode: 'RESPONSE_STREAM' });
    const controller = new AbortController();
    const response = fetch(running.url, { signal: controller.signal });

    // Act
    const invocation = await running.service.nextInvocation();
    await invocation.write('hello');
    const reader = (await response).body?.getReader();
    await reader?.read();
    controller.abort();
    await invocation.whenDiscarded;
    await invocation.write('nobody listens');
    invocation.finish();

    // Assert
    expect(invocation.discarded).toBe(true);
    expect((await invocation.handle.outcome).error).toBeUndefined();
  });
});
