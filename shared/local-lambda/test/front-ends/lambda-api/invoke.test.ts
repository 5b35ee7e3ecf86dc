import { InvokeCommand } from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeService } from '../../fixtures/frontend/fake-service.js';
import { type RunningApi, startApi } from '../../fixtures/frontend/servers.js';

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('utf8');

describe('Invoke', () => {
  let api: RunningApi;
  afterEach(() => api.close());

  it('returns the buffered result with the executed version', async () => {
    // Arrange
    const service = createFakeService([{ name: 'Echo' }], {
      Echo: async (invocation) => {
        invocation.start('application/json', false);
        await invocation.write(invocation.request.payload);
        invocation.finish();
      },
    });
    api = await startApi(service);

    // Act
    const result = await api.client.send(
      new InvokeCommand({ FunctionName: 'Echo', Payload: json({ hello: 'world' }) }),
    );

    // Assert
    expect(result.StatusCode).toBe(200);
    expect(result.FunctionError).toBeUndefined();
    expect(result.ExecutedVersion).toBe('$LATEST');
    expect(JSON.parse(text(result.Payload))).toEqual({ hello: 'world' });
    expect(result.$metadata.requestId).toBe(service.invocations[0]?.requestId);
  });

  it('reports a function error in X-Amz-Function-Error with the error document', async () => {
    // Arrange
    const service = createFakeService([{ name: 'Broken' }], {
      Broken: (invocation) =>
        invocation.finish({ error: { errorType: 'TypeError', errorMessage: 'boom' } }),
    });
    api = await startApi(service);

    // Act
    const result = await api.client.send(new InvokeCommand({ FunctionName: 'Broken' }));

    // Assert
    expect(result.StatusCode).toBe(200);
    expect(result.FunctionError).toBe('Unhandled');
    expect(JSON.parse(text(result.Payload))).toMatchObject({
      errorType: 'TypeError',
      errorMessage: 'boom',
    });
  });

  it('returns the last 4 KB of the log as X-Amz-Log-Result with LogType Tail', async () => {
    // Arrange
    const logs = `${'x'.repeat(5000)}\nREPORT RequestId: r1\n`;
    const service = createFakeService([{ name: 'Chatty' }], {
      Chatty: (invocation) => invocation.finish({ logs }),
    });
    api = await startApi(service);

    // Act
    const result = await api.client.send(
      new InvokeCommand({ FunctionName: 'Chatty', LogType: 'Tail' }),
    );

    // Assert
    const tail = Buffer.from(result.LogResult ?? '', 'base64').toString('utf8');
    expect(tail).toHaveLength(4096);
    expect(logs.endsWith(tail)).toBe(true);
  });

  it('hands the function the ARN as invoked, an empty payload as {} and the client context', async () => {
    // Arrange
    const service = createFakeService([{ name: 'Fn' }], {
      Fn: (invocation) => invocation.finish(),
    });
    api = await startApi(service);
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:Fn:$LATEST';
    const clientContext = Buffer.from('{"custom":{"a":1}}').toString('base64');

    // Act
    await api.client.send(new InvokeCommand({ FunctionName: arn, ClientContext: clientContext }));

    // Assert
    const request = service.invocations[0]?.request;
    expect(request?.invokedFunctionArn).toBe(arn);
    expect(request?.functionName).toBe('Fn');
    expect(request?.payload.toString()).toBe('{}');
    expect(request?.clientContext).toBe(clientContext);
    expect(request?.delivery).toBe('buffer');
  });

  it('answers 202 for an Event invocation and runs it in the background', async () => {
    // Arrange
    const service = createFakeService([{ name: 'Later' }]);
    api = await startApi(service);

    // Act
    const result = await api.client.send(
      new InvokeCommand({
        FunctionName: 'Later',
        InvocationType: 'Event',
        Payload: json({ a: 1 }),
      }),
    );
    const invocation = await service.nextInvocation();
    await invocation.write('ignored output');
    invocation.finish();
    await invocation.handle.outcome;

    // Assert
    expect(result.StatusCode).toBe(202);
    expect(invocation.discarded).toBe(true);
    expect(invocation.request.payload.toString()).toBe('{"a":1}');
  });

  it('answers 204 for a DryRun without invoking', async () => {
    // Arrange
    const service = createFakeService([{ name: 'Fn' }]);
    api = await startApi(service);

    // Act
    const result = await api.client.send(
      new InvokeCommand({ FunctionName: 'Fn', InvocationType: 'DryRun' }),
    );

    // Assert
    expect(result.StatusCode).toBe(204);
    expect(service.invocations).toHaveLength(0);
  });
});
