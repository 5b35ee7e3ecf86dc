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

describe('invocation responses', () => {
  let gate: Gate;
  let t: TestService;

  beforeAll(async () => {
    gate = await startGate();
    t = createTestService([
      fixtureFunction('Hello', 'handlers.hello'),
      fixtureFunction('Fail', 'handlers.fail'),
      fixtureFunction('TwoChunks', 'handlers.twoChunks'),
      fixtureFunction('ThrowAfterWrite', 'handlers.throwAfterWrite'),
      fixtureFunction('ThrowBeforeWrite', 'handlers.throwBeforeWrite'),
      fixtureFunction('Typed', 'handlers.typed'),
      fixtureFunction('Joined', 'handlers.throwAfterWrite', {
        environment: { FIXTURE_TRAILER_STYLE: 'joined' },
      }),
    ]);
  });

  afterAll(async () => {
    await t.service.close();
    await gate.close();
  });

  it('delivers streamed chunks to the body before the function finishes', async () => {
    // Arrange
    const handle = t.invoke('TwoChunks', { gate: gate.url });

    // Act
    const start = await handle.started;
    const first = await nextChunk(handle.body);
    const finishedEarly = await Promise.race([
      handle.outcome.then(() => true),
      gate.reached('second').then(() => false),
    ]);
    gate.release('second');
    const rest = await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(start).toEqual({ contentType: 'application/octet-stream', streamed: true });
    expect(first?.toString()).toBe('first;');
    expect(finishedEarly).toBe(false);
    expect(rest.toString()).toBe('second');
    expect(outcome.error).toBeUndefined();
  });

  it('delivers a buffered result as the body', async () => {
    // Arrange
    const handle = t.invoke('Hello', { name: 'core' }, { delivery: 'buffer' });

    // Act
    const body = await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(await handle.started).toEqual({ contentType: 'application/json', streamed: false });
    expect(JSON.parse(body.toString())).toMatchObject({ ok: true });
    expect(outcome.error).toBeUndefined();
    expect(outcome.logs).toContain('hello core');
  });

  it('reports a buffered function error with the runtime document as payload', async () => {
    // Arrange
    const handle = t.invoke('Fail', {}, { delivery: 'buffer' });

    // Act
    const body = await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(await handle.started).toBeUndefined();
    expect(body.length).toBe(0);
    expect(outcome.error).toMatchObject({ errorType: 'TypeError', errorMessage: 'buffered boom' });
    expect(JSON.parse(outcome.error?.payload.toString() ?? '')).toMatchObject({
      errorType: 'TypeError',
      errorMessage: 'buffered boom',
      trace: expect.any(Array),
    });
  });

  it.each([
    ['two Trailer header lines', 'ThrowAfterWrite'],
    ['one comma-joined Trailer header', 'Joined'],
  ])('turns error trailers into the outcome after partial bytes (%s)', async (_label, name) => {
    // Arrange
    const handle = t.invoke(name);

    // Act
    const body = await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(body.toString()).toBe('one two three four');
    expect(outcome.error?.errorType).toBe('RangeError');
    expect(outcome.error?.errorMessage).toBe('midstream boom');
    expect(JSON.parse(outcome.error?.payload.toString() ?? '')).toMatchObject({
      errorType: 'RangeError',
      trace: expect.any(Array),
    });
  });

  it('reports an error thrown before the first byte with an empty body', async () => {
    // Arrange
    const handle = t.invoke('ThrowBeforeWrite');

    // Act
    const body = await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(await handle.started).toEqual({
      contentType: 'application/octet-stream',
      streamed: true,
    });
    expect(body.length).toBe(0);
    expect(outcome.error).toMatchObject({ errorType: 'Error', errorMessage: 'early boom' });
  });

  it('passes the content type the runtime set', async () => {
    // Arrange
    const handle = t.invoke('Typed');

    // Act
    const body = await readAll(handle.body);

    // Assert
    expect((await handle.started)?.contentType).toBe('text/plain; charset=utf-8');
    expect(body.toString()).toBe('typed');
  });
});
