import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestService,
  fixtureFunction,
  type Gate,
  nextChunk,
  readAll,
  startGate,
  type TestService,
} from '../fixtures/core/test-service.js';
import { ensureRuntimeBuilt } from '../runtime-client/helpers/runtime-build.js';

// The same environments with the project's own runtime (dist/runtime-client/bootstrap.js, built by
// `npm run build`), which speaks only the Runtime API, as the official client does.
describe('execution environments running the local runtime', () => {
  let gate: Gate;
  let t: TestService;

  beforeAll(async () => {
    await ensureRuntimeBuilt();
    gate = await startGate();
    t = createTestService(
      [
        fixtureFunction('Hello', 'handlers.hello'),
        fixtureFunction('TwoChunks', 'handlers.twoChunks'),
        fixtureFunction('ThrowAfterWrite', 'handlers.throwAfterWrite'),
        fixtureFunction('ThrowBeforeWrite', 'handlers.throwBeforeWrite'),
        fixtureFunction('Typed', 'handlers.typed'),
        fixtureFunction('NeverEnds', 'handlers.neverEnds', { timeout: 1 }),
        fixtureFunction('ExitMidStream', 'handlers.exitMidStream'),
        fixtureFunction('BrokenInit', 'broken-init.handler'),
        fixtureFunction('Bytes', 'handlers.streamBytes', { timeout: 10 }),
      ],
      { runtimeClient: 'local', limits: { bandwidthLimit: false } },
    );
  }, 120_000);

  afterAll(async () => {
    await t.service.close();
    await gate.close();
  });

  it('streams chunks to the body before the function finishes', async () => {
    // Arrange
    const handle = t.invoke('TwoChunks', { gate: gate.url });

    // Act
    const first = await nextChunk(handle.body);
    const finishedEarly = await Promise.race([
      handle.outcome.then(() => true),
      gate.reached('second').then(() => false),
    ]);
    gate.release('second');
    const rest = await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(first?.toString()).toBe('first;');
    expect(finishedEarly).toBe(false);
    expect(rest.toString()).toBe('second');
    expect(outcome.error).toBeUndefined();
  });

  it('returns a buffered result and the runtime log lines, then reuses the environment', async () => {
    // Arrange
    const run = async () => {
      const handle = t.invoke('Hello', { name: 'local' }, { delivery: 'buffer' });
      const body = JSON.parse((await readAll(handle.body)).toString()) as { pid: number };
      return { body, outcome: await handle.outcome, started: await handle.started };
    };

    // Act
    const first = await run();
    const second = await run();

    // Assert
    expect(first.started?.streamed).toBe(false);
    expect(first.body).toMatchObject({ ok: true });
    expect(first.outcome.logs).toMatch(/\tINFO\thello local\n/);
    expect(second.body.pid).toBe(first.body.pid);
    expect(second.outcome.initDurationMs).toBeUndefined();
  });

  it('reports an error after partial bytes from the trailers', async () => {
    // Act
    const handle = t.invoke('ThrowAfterWrite');
    const body = await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(body.toString()).toBe('one two three four');
    expect(outcome.error).toMatchObject({
      errorType: 'RangeError',
      errorMessage: 'midstream boom',
    });
  });

  it('reports an error before the first byte with an empty body', async () => {
    // Act
    const handle = t.invoke('ThrowBeforeWrite');
    const body = await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(body.length).toBe(0);
    expect(outcome.error).toMatchObject({ errorType: 'Error', errorMessage: 'early boom' });
  });

  it('passes setContentType through', async () => {
    // Act
    const handle = t.invoke('Typed');
    const body = await readAll(handle.body);

    // Assert
    expect((await handle.started)?.contentType).toBe('text/plain; charset=utf-8');
    expect(body.toString()).toBe('typed');
  });

  it('times out a stream that is never ended and recovers', async () => {
    // Act
    const handle = t.invoke('NeverEnds', { hang: true });
    const body = await readAll(handle.body);
    const outcome = await handle.outcome;
    const next = t.invoke('NeverEnds');
    await readAll(next.body);
    const nextOutcome = await next.outcome;

    // Assert
    expect(body.toString()).toMatch(/^started \d+;$/);
    expect(outcome.error?.errorType).toBe('Sandbox.Timedout');
    expect(nextOutcome.error).toBeUndefined();
  });

  it('reports process.exit mid-stream as Runtime.ExitError', async () => {
    // Act
    const handle = t.invoke('ExitMidStream', { exit: true });
    const body = await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(body.toString()).toBe('partial;');
    expect(outcome.error?.errorMessage).toMatch(/Runtime exited with error: exit status 3$/);
  });

  it('reports an init error on the invocation that started the environment', async () => {
    // Act
    const handle = t.invoke('BrokenInit', {}, { delivery: 'buffer' });
    await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(outcome.error?.errorType).toMatch(/SyntaxError/);
    expect(outcome.error?.errorMessage).toContain('cannot load this module');
  });

  it('carries a 20 MiB stream with the function honouring backpressure', async () => {
    // Act
    const handle = t.invoke('Bytes', { size: 20 * 1024 * 1024 });
    const body = await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(body.length).toBe(20 * 1024 * 1024);
    expect(outcome.error).toBeUndefined();
  });
});
