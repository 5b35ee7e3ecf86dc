import { request as httpRequest, type IncomingMessage } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RuntimeApiServer } from '../../src/runtime-api/runtime-api-server.js';
import type { RuntimeAnswer } from '../../src/runtime-api/runtime-call.js';
import { readAll } from '../fixtures/core/test-service.js';

// aws-lambda-ric 4.x (nodejs24.x) may ask for the next event before its failed streaming POST is
// over (research notes §10.4, row 27): RAPID takes that /next in its Running state, so the
// emulator holds it until the invocation is over and then serves it as an ordinary /next.
const BASE = '/2018-06-01/runtime';

describe('a /next that arrives while the invocation is still running', () => {
  let api: RuntimeApiServer;
  let port: number;
  let nextCalls: number;

  function get(path: string): Promise<{ status: number; text: string; id?: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path }, (res: IncomingMessage) => {
        void readAll(res).then((body) =>
          resolve({
            status: res.statusCode ?? 0,
            text: body.toString(),
            id: res.headers['lambda-runtime-aws-request-id'] as string | undefined,
          }),
        );
      });
      req.on('error', reject);
      req.end();
    });
  }

  function post(path: string, headers: Record<string, string>, body: string) {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers });
    req.on('error', () => {});
    const answered = new Promise<number>((resolve) =>
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }),
    );
    return { req, answered, body };
  }

  /** Delivers `requestId` to a waiting /next; resolves with the server's promises for it. */
  async function deliver(requestId: string) {
    await waitFor(() => api.waiting);
    const call = api.deliver({
      requestId,
      payload: Buffer.from('{}'),
      deadlineMs: 1,
      invokedFunctionArn: 'arn',
    });
    if (!call) throw new Error('no /next was waiting');
    void call.next.then(() => nextCalls++);
    return call;
  }

  /** What the core does with a streamed response: reads it to its end and takes it. */
  async function takeResponse(answer: Promise<RuntimeAnswer>) {
    const taken = await answer;
    if (taken.kind !== 'response') throw new Error('expected a response');
    await readAll(taken.response.body);
    const end = await taken.response.ended;
    taken.response.accept();
    return end;
  }

  beforeEach(async () => {
    nextCalls = 0;
    api = new RuntimeApiServer();
    port = Number((await api.listen()).split(':')[1]);
  });

  afterEach(() => api.close());

  it('holds it during a streamed response with error trailers, then serves it', async () => {
    // Arrange
    const first = get(`${BASE}/invocation/next`);
    const call = await deliver('req-1');
    expect((await first).id).toBe('req-1');
    const stream = post(
      `${BASE}/invocation/req-1/response`,
      {
        'Lambda-Runtime-Function-Response-Mode': 'streaming',
        Trailer: 'Lambda-Runtime-Function-Error-Type',
      },
      '',
    );
    stream.req.write('partial');

    // Act
    const early = get(`${BASE}/invocation/next`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const heldWhileRunning = { waiting: api.waiting, nextCalls };
    stream.req.addTrailers({ 'Lambda-Runtime-Function-Error-Type': 'Error' });
    stream.req.end();
    const end = await takeResponse(call.answer);
    const second = await deliver('req-2');
    const served = await early;

    // Assert
    expect(heldWhileRunning).toEqual({ waiting: false, nextCalls: 0 });
    expect(end).toMatchObject({ complete: true, error: { errorType: 'Error' } });
    expect(await stream.answered).toBe(202);
    expect(nextCalls).toBe(1);
    expect(served).toMatchObject({ status: 200, id: 'req-2' });
    expect(second).toBeDefined();
  });

  it('holds it when it comes before the /response POST itself', async () => {
    // Arrange
    const first = get(`${BASE}/invocation/next`);
    const call = await deliver('req-1');
    await first;

    // Act
    const early = get(`${BASE}/invocation/next`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stream = post(
      `${BASE}/invocation/req-1/response`,
      { 'Lambda-Runtime-Function-Response-Mode': 'streaming' },
      '',
    );
    stream.req.end('late body');
    await takeResponse(call.answer);
    await deliver('req-2');

    // Assert
    expect(await stream.answered).toBe(202);
    expect(await early).toMatchObject({ status: 200, id: 'req-2' });
  });

  it('serves it after an /error, and refuses a second early /next with 403', async () => {
    // Arrange
    const first = get(`${BASE}/invocation/next`);
    const call = await deliver('req-1');
    await first;
    const early = get(`${BASE}/invocation/next`);
    await new Promise((resolve) => setTimeout(resolve, 50));

    // Act
    const second = await get(`${BASE}/invocation/next`);
    const error = post(`${BASE}/invocation/req-1/error`, {}, '{"errorType":"Error"}');
    error.req.end(error.body);
    const answer = await call.answer;
    await deliver('req-2');

    // Assert
    expect(second.status).toBe(403);
    expect(JSON.parse(second.text)).toMatchObject({ errorType: 'InvalidStateTransition' });
    expect(await error.answered).toBe(202);
    expect(answer).toMatchObject({ kind: 'error', error: { errorType: 'Error' } });
    expect(await early).toMatchObject({ status: 200, id: 'req-2' });
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
