import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FunctionError } from '../../src/functions/function-error.js';
import { RuntimeApiServer, type RuntimeEvent } from '../../src/runtime-api/runtime-api-server.js';
import type { RuntimeResponse } from '../../src/runtime-api/runtime-response.js';
import { readAll } from '../fixtures/core/test-service.js';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

const BASE = '/2018-06-01/runtime';

describe('Runtime API server', () => {
  let api: RuntimeApiServer;
  let address: string;
  const seen = {
    next: 0,
    errors: [] as FunctionError[],
    initErrors: [] as FunctionError[],
    responses: [] as RuntimeResponse[],
  };

  function call(method: string, path: string, headers = {}, body?: string): Promise<Answer> {
    const [host, port] = address.split(':');
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host, port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString(),
          }),
        );
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  const event = (overrides: Partial<RuntimeEvent> = {}): RuntimeEvent => ({
    requestId: 'req-1',
    payload: Buffer.from('{"hello":"world"}'),
    deadlineMs: 1_764_496_800_000,
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:Fn:live',
    traceId: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0',
    ...overrides,
  });

  /** Delivers an event and records what the server hands back for it. */
  function deliver(delivered: RuntimeEvent): void {
    const pending = api.deliver(delivered);
    void pending?.answer.then((answer) => {
      if (answer.kind === 'response') seen.responses.push(answer.response);
      else seen.errors.push(answer.error);
    });
    void pending?.next.then(() => seen.next++);
  }

  /** Takes the runtime to Running for `req-1`. */
  async function startInvocation(): Promise<Answer> {
    const next = call('GET', `${BASE}/invocation/next`);
    await waitFor(() => api.waiting);
    deliver(event());
    return next;
  }

  beforeEach(async () => {
    seen.next = 0;
    seen.errors = [];
    seen.initErrors = [];
    seen.responses = [];
    api = new RuntimeApiServer();
    // The end of Init: the first /next, or an /init/error.
    void api.whenReady().then((ready) => {
      if (ready.kind === 'ready') seen.next++;
      else seen.initErrors.push(ready.error);
    });
    address = await api.listen();
  });

  afterEach(() => api.close());

  it('answers /next with the event and its headers once an invocation is delivered', async () => {
    // Arrange
    const next = call('GET', `${BASE}/invocation/next`);
    await waitFor(() => api.waiting);

    // Act
    deliver(
      event({
        clientContext: '{\n  "custom": {"a": 1}\n}',
        cognitoIdentity: '{"cognitoIdentityId":"id","cognitoIdentityPoolId":"pool"}',
      }),
    );
    const answer = await next;

    // Assert
    expect(seen.next).toBe(1);
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('{"hello":"world"}');
    expect(answer.headers).toMatchObject({
      'lambda-runtime-aws-request-id': 'req-1',
      'lambda-runtime-deadline-ms': '1764496800000',
      'lambda-runtime-invoked-function-arn':
        'arn:aws:lambda:us-east-1:123456789012:function:Fn:live',
      'lambda-runtime-trace-id':
        'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0',
      'lambda-runtime-client-context': '{   "custom": {"a": 1} }',
      'lambda-runtime-cognito-identity':
        '{"cognitoIdentityId":"id","cognitoIdentityPoolId":"pool"}',
      'content-type': 'application/json',
    });
  });

  it('answers unknown routes with 404', async () => {
    // Act
    const answers = await Promise.all([
      call('GET', '/2018-06-01/runtime/invocation/req-1/response'),
      call('POST', '/2018-06-01/ping'),
      call('GET', '/'),
    ]);

    // Assert
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404]);
  });

  it('answers a wrong request id with 400 InvalidRequestID', async () => {
    // Arrange
    await startInvocation();

    // Act
    const answer = await call('POST', `${BASE}/invocation/other/response`, {}, 'x');

    // Assert
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toEqual({
      errorMessage: 'Invalid request ID',
      errorType: 'InvalidRequestID',
    });
  });

  it('refuses a response mode other than streaming with 400 and fails the invocation', async () => {
    // Arrange
    await startInvocation();

    // Act
    const answer = await call(
      'POST',
      `${BASE}/invocation/req-1/response`,
      { 'Lambda-Runtime-Function-Response-Mode': 'buffered' },
      'x',
    );

    // Assert
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toEqual({
      errorMessage: 'Invalid function response mode',
      errorType: 'InvalidFunctionResponseMode',
    });
    expect(seen.errors[0]?.errorType).toBe('Runtime.InvalidResponseModeHeader');
  });

  it('takes /error before a response, with the type from the document or the header', async () => {
    // Arrange
    await startInvocation();

    // Act
    const answer = await call(
      'POST',
      `${BASE}/invocation/req-1/error`,
      { 'Lambda-Runtime-Function-Error-Type': 'Function.Custom' },
      '{"errorMessage":"nope","trace":[]}',
    );

    // Assert
    expect(answer.status).toBe(202);
    expect(JSON.parse(answer.text)).toEqual({ status: 'OK' });
    expect(seen.errors[0]).toMatchObject({ errorType: 'Function.Custom', errorMessage: 'nope' });
    expect(seen.errors[0]?.payload.toString()).toBe('{"errorMessage":"nope","trace":[]}');
  });

  it('refuses /error while a response is in progress with 403 InvalidStateTransition', async () => {
    // Arrange
    await startInvocation();
    const [host, port] = address.split(':');
    const streaming = httpRequest({
      host,
      port,
      method: 'POST',
      path: `${BASE}/invocation/req-1/response`,
      headers: { 'Lambda-Runtime-Function-Response-Mode': 'streaming' },
    });
    streaming.on('error', () => {});
    streaming.write('partial');
    await waitFor(() => seen.responses.length === 1);

    // Act
    const answer = await call(
      'POST',
      `${BASE}/invocation/req-1/error`,
      {},
      '{"errorType":"Error"}',
    );
    streaming.destroy();

    // Assert
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.text)).toEqual({
      errorMessage:
        'State transition from InvocationResponse to InvocationErrorResponse failed for runtime. Error: State transition is not allowed',
      errorType: 'InvalidStateTransition',
    });
  });

  it('answers an accepted buffered response with 202 and refuses a second one with 403', async () => {
    // Arrange
    await startInvocation();
    const first = call(
      'POST',
      `${BASE}/invocation/req-1/response`,
      { 'Content-Type': 'application/json' },
      '"ok"',
    );
    await waitFor(() => seen.responses.length === 1);
    const response = seen.responses[0] as RuntimeResponse;

    // Act
    const body = await readAll(response.body);
    response.accept();
    const answer = await first;
    const second = await call('POST', `${BASE}/invocation/req-1/response`, {}, '"again"');

    // Assert
    expect(body.toString()).toBe('"ok"');
    expect(response.start).toEqual({ contentType: 'application/json', streamed: false });
    expect(answer.status).toBe(202);
    expect(JSON.parse(answer.text)).toEqual({ status: 'OK' });
    expect(second.status).toBe(403);
  });

  it('answers a refused buffered response with RAPID 413 JSON', async () => {
    // Arrange
    await startInvocation();
    const posted = call('POST', `${BASE}/invocation/req-1/response`, {}, 'x'.repeat(100));
    await waitFor(() => seen.responses.length === 1);

    // Act
    seen.responses[0]?.refuseTooLarge(6_291_556);
    const answer = await posted;

    // Assert
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toEqual({
      errorMessage: 'Exceeded maximum allowed payload size (6291556 bytes).',
      errorType: 'RequestEntityTooLarge',
    });
  });

  it('reads a streamed response and its error trailers as RIC sends them on the wire', async () => {
    // Arrange
    await startInvocation();
    const errorBody = Buffer.from('{"errorType":"TypeError","errorMessage":"late","trace":[]}');
    const socket = connect(Number(address.split(':')[1]), '127.0.0.1');
    socket.on('error', () => {});

    // Act
    socket.write(
      `POST ${BASE}/invocation/req-1/response HTTP/1.1\r\nHost: ${address}\r\n` +
        'Lambda-Runtime-Function-Response-Mode: streaming\r\n' +
        'Trailer: Lambda-Runtime-Function-Error-Type\r\nTrailer: Lambda-Runtime-Function-Error-Body\r\n' +
        'Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n' +
        '6\r\nhello \r\n5\r\nworld\r\n0\r\n' +
        `Lambda-Runtime-Function-Error-Type: TypeError\r\nLambda-Runtime-Function-Error-Body: ${errorBody.toString('base64')}\r\n\r\n`,
    );
    await waitFor(() => seen.responses.length === 1);
    const response = seen.responses[0] as RuntimeResponse;
    const body = await readAll(response.body);
    const end = await response.ended;
    socket.destroy();

    // Assert
    expect(response.start.streamed).toBe(true);
    expect(body.toString()).toBe('hello world');
    expect(end).toMatchObject({
      complete: true,
      error: { errorType: 'TypeError', errorMessage: 'late' },
    });
    expect(end.complete && end.error?.payload.equals(errorBody)).toBe(true);
  });

  it('takes /init/error only before the first /next', async () => {
    // Act
    const first = await call(
      'POST',
      `${BASE}/init/error`,
      { 'Lambda-Runtime-Function-Error-Type': 'Runtime.ImportModuleError' },
      '{"errorMessage":"Cannot find module"}',
    );
    const second = await call('POST', `${BASE}/init/error`, {}, '{}');

    // Assert
    expect(first.status).toBe(202);
    expect(seen.initErrors[0]).toMatchObject({
      errorType: 'Runtime.ImportModuleError',
      errorMessage: 'Cannot find module',
    });
    expect(second.status).toBe(403);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
