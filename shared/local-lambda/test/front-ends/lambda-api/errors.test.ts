import {
  InvalidParameterValueException,
  InvalidRequestContentException,
  InvokeCommand,
  type InvokeCommandInput,
  InvokeWithResponseStreamCommand,
  LambdaClient,
  ListFunctionsCommand,
  RequestTooLargeException,
  ResourceNotFoundException,
  TooManyRequestsException,
} from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeService } from '../../fixtures/frontend/fake-service.js';
import { REGION, type RunningApi, startApi } from '../../fixtures/frontend/servers.js';

async function failureOf(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail');
}

describe('Lambda API errors', () => {
  let api: RunningApi;
  afterEach(() => api.close());

  it('answers ResourceNotFoundException for an unknown function', async () => {
    // Arrange
    api = await startApi(createFakeService([{ name: 'Known' }]));

    // Act
    const error = await failureOf(api.client.send(new InvokeCommand({ FunctionName: 'Unknown' })));

    // Assert
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.message).toBe(
      'Function not found: arn:aws:lambda:us-east-1:123456789012:function:Unknown',
    );
    expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(404);
  });

  it.each([
    ['an unknown version', { FunctionName: 'Known:7' }],
    ['an unknown alias in Qualifier', { FunctionName: 'Known', Qualifier: 'live' }],
    [
      'an ARN of another region',
      { FunctionName: 'arn:aws:lambda:eu-west-1:123456789012:function:Known' },
    ],
  ])('answers ResourceNotFoundException for %s', async (_case, input: InvokeCommandInput) => {
    // Arrange
    api = await startApi(createFakeService([{ name: 'Known' }]));

    // Act
    const error = await failureOf(api.client.send(new InvokeCommand(input)));

    // Assert
    expect(error).toBeInstanceOf(ResourceNotFoundException);
  });

  it('answers InvalidRequestContentException for a payload that is not JSON', async () => {
    // Arrange
    api = await startApi(createFakeService([{ name: 'Fn' }]));

    // Act
    const error = await failureOf(
      api.client.send(new InvokeCommand({ FunctionName: 'Fn', Payload: Buffer.from('{not json') })),
    );

    // Assert
    expect(error).toBeInstanceOf(InvalidRequestContentException);
    expect(error.message).toMatch(/^Could not parse request body into json: /);
  });

  it('answers RequestTooLargeException for a payload over 6,291,556 bytes', async () => {
    // Arrange
    api = await startApi(createFakeService([{ name: 'Fn' }]));
    const payload = Buffer.from(JSON.stringify({ data: 'x'.repeat(6_291_556) }));

    // Act
    const error = await failureOf(
      api.client.send(
        new InvokeWithResponseStreamCommand({ FunctionName: 'Fn', Payload: payload }),
      ),
    );

    // Assert
    expect(error).toBeInstanceOf(RequestTooLargeException);
    expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(413);
  });

  it('answers InvalidParameterValueException for an unknown InvocationType', async () => {
    // Arrange
    api = await startApi(createFakeService([{ name: 'Fn' }]));
    const input = { FunctionName: 'Fn', InvocationType: 'Event' } as const;

    // Act
    const error = await failureOf(
      api.client.send(new InvokeWithResponseStreamCommand(input as never)),
    );

    // Assert
    expect(error).toBeInstanceOf(InvalidParameterValueException);
    expect(error.message).toContain("Value 'Event' at 'InvocationType'");
  });

  it('answers InvalidParameterValueException when the name and Qualifier disagree', async () => {
    // Arrange
    api = await startApi(createFakeService([{ name: 'Fn' }]));

    // Act
    const error = await failureOf(
      api.client.send(new InvokeCommand({ FunctionName: 'Fn:$LATEST', Qualifier: 'live' })),
    );

    // Assert
    expect(error).toBeInstanceOf(InvalidParameterValueException);
  });

  it('answers TooManyRequestsException with a Reason and Retry-After when every slot is busy', async () => {
    // Arrange
    const service = createFakeService([{ name: 'Slow' }], {}, { maxConcurrency: 1 });
    api = await startApi(service);
    const first = api.client.send(new InvokeCommand({ FunctionName: 'Slow' }));
    const running = await service.nextInvocation();

    // Act
    const error = await failureOf(api.client.send(new InvokeCommand({ FunctionName: 'Slow' })));
    running.finish();
    await first;

    // Assert
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect(error.Reason).toBe('ConcurrentInvocationLimitExceeded');
    expect(error.retryAfterSeconds).toBe('1');
  });

  it('answers InvalidSignatureException for a wrong secret and UnrecognizedClientException for an unknown key', async () => {
    // Arrange
    api = await startApi(createFakeService([{ name: 'Fn' }]));
    const client = (accessKeyId: string, secretAccessKey: string) =>
      new LambdaClient({
        endpoint: api.endpoint,
        region: REGION,
        credentials: { accessKeyId, secretAccessKey },
        maxAttempts: 1,
      });

    // Act
    const wrongSecret = await failureOf(
      client('LOCALLAMBDAACCESSKEY', 'nope').send(new ListFunctionsCommand({})),
    );
    const unknownKey = await failureOf(
      client('AKIDUNKNOWN', 'nope').send(new ListFunctionsCommand({})),
    );

    // Assert
    expect(wrongSecret.name).toBe('InvalidSignatureException');
    expect(wrongSecret.message).toMatch(/^The request signature we calculated does not match/);
    expect((wrongSecret.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(403);
    expect(unknownKey.name).toBe('UnrecognizedClientException');
    expect(unknownKey.message).toBe('The security token included in the request is invalid.');
  });

  it('answers an unsigned request with 403 MissingAuthenticationTokenException and a request id', async () => {
    // Arrange
    api = await startApi(createFakeService([{ name: 'Fn' }]));

    // Act
    const response = await fetch(`${api.endpoint}/2015-03-31/functions/`);

    // Assert
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({ message: 'Missing Authentication Token' });
  });
});
