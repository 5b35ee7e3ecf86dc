import { InvokeCommand, InvokeWithResponseStreamCommand } from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeService, type FakeService } from '../../fixtures/frontend/fake-service.js';
import { type RunningApi, startApi } from '../../fixtures/frontend/servers.js';

const base64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

describe('API validation, as Lambda does it before invoking', () => {
  let api: RunningApi;
  let service: FakeService;
  afterEach(() => api.close());

  async function start() {
    service = createFakeService([{ name: 'Fn' }], {
      Fn: async (invocation) => {
        await invocation.write('{}');
        invocation.finish();
      },
    });
    api = await startApi(service);
  }

  it.each([
    ['not base64', '!!!not base64!!!', 'valid Base64-encoded JSON object'],
    [
      'base64 of text that is not JSON',
      Buffer.from('hello').toString('base64'),
      'valid Base64-encoded JSON object',
    ],
    ['over 3,583 bytes', base64({ custom: { pad: 'x'.repeat(2800) } }), 'at most 3583 bytes'],
  ])(
    'refuses an X-Amz-Client-Context that is %s with 400, without invoking',
    async (_, context, text) => {
      // Arrange
      await start();

      // Act
      const buffered = api.client.send(
        new InvokeCommand({ FunctionName: 'Fn', ClientContext: context }),
      );
      const streamed = api.client.send(
        new InvokeWithResponseStreamCommand({ FunctionName: 'Fn', ClientContext: context }),
      );

      // Assert
      for (const attempt of [buffered, streamed]) {
        await expect(attempt).rejects.toMatchObject({
          name: 'InvalidRequestContentException',
          $metadata: { httpStatusCode: 400 },
          message: expect.stringContaining(text),
        });
      }
      expect(service.invocations).toHaveLength(0);
    },
  );

  it('passes on a valid client context of 3,580 bytes (the longest base64 within 3,583)', async () => {
    // Arrange: 2,685 bytes of JSON encode to 3,580 bytes of base64.
    await start();
    const context = base64({ custom: { pad: 'x'.repeat(2685 - 21) } });

    // Act
    const result = await api.client.send(
      new InvokeCommand({ FunctionName: 'Fn', ClientContext: context }),
    );

    // Assert
    expect(Buffer.byteLength(context)).toBe(3580);
    expect(result.StatusCode).toBe(200);
    expect(service.invocations[0]?.request.clientContext).toBe(context);
  });

  it.each([
    ['a name of 65 characters', 'F'.repeat(65), 'less than or equal to 64'],
    [
      'an ARN of 171 characters',
      `arn:aws:lambda:us-east-1:123456789012:function:${'F'.repeat(124)}`,
      'less than or equal to 170',
    ],
    ['a name with characters outside the pattern', 'bad*name', 'regular expression pattern'],
  ])('answers 400 ValidationException for %s, not 404', async (_, name, text) => {
    // Arrange
    await start();

    // Act
    const attempt = api.client.send(new InvokeCommand({ FunctionName: name }));

    // Assert
    await expect(attempt).rejects.toMatchObject({
      name: 'ValidationException',
      $metadata: { httpStatusCode: 400 },
      message: expect.stringContaining(
        `failed to satisfy constraint: Member must ${text.startsWith('less') ? 'have length ' : 'satisfy '}${text}`,
      ),
    });
  });

  it('quotes the 1 MB Event limit in the 413 for an oversized Event payload', async () => {
    // Arrange
    await start();
    const payload = Buffer.from(JSON.stringify({ pad: 'x'.repeat(1024 * 1024) }));

    // Act
    const attempt = api.client.send(
      new InvokeCommand({ FunctionName: 'Fn', InvocationType: 'Event', Payload: payload }),
    );

    // Assert
    await expect(attempt).rejects.toMatchObject({
      name: 'RequestTooLargeException',
      $metadata: { httpStatusCode: 413 },
      message: expect.stringContaining('smaller than 1048576 bytes'),
    });
    expect(service.invocations).toHaveLength(0);
  });
});
