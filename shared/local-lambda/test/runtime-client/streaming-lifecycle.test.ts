import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { bodyOf, errorBodyTrailer } from './helpers/fake-runtime-api.js';
import { useRuntimeHarness } from './helpers/harness.js';

const harness = useRuntimeHarness();

describe('streaming invocation lifecycle (spec §1.5)', () => {
  it('delivers the first chunk to the Runtime API before the handler finishes', async () => {
    // Arrange
    const api = harness.api();
    harness.start('streaming.waitsBetweenWrites');
    const requestId = api.enqueue();

    // Act
    const firstChunk = await api.waitFor(
      () => api.responses.get(requestId)?.chunks[0],
      'the first chunk',
    );
    const endedBeforeRelease = api.responses.get(requestId)?.endSeq;
    api.release('second-write');
    const response = await api.waitForResponse(requestId);

    // Assert
    expect(firstChunk.data.toString()).toBe('first');
    expect(endedBeforeRelease).toBeUndefined();
    expect(bodyOf(response).toString()).toBe('firstsecond');
  });

  it('keeps the POST open when the handler returns without ending the stream', async () => {
    // Arrange
    const api = harness.api();
    const runtime = harness.start('streaming.returnsWithoutEnd');
    const requestId = api.enqueue();

    // Act
    await api.waitFor(() => api.marks.find((m) => m.name === 'returned'), 'the handler return');
    const response = await api.waitFor(
      () => api.responses.get(requestId)?.chunks[0] && api.responses.get(requestId),
      'the chunk',
    );
    await sleep(300);

    // Assert
    expect(bodyOf(response).toString()).toBe('open');
    expect(response?.endSeq).toBeUndefined();
    expect(api.nextPolls).toHaveLength(1);
    expect(runtime.child.exitCode).toBeNull();
  });

  it('sends nothing when the handler returns without writing or ending', async () => {
    // Arrange
    const api = harness.api();
    harness.start('streaming.returnsWithoutWriting');
    api.enqueue();

    // Act
    await api.waitFor(() => api.marks.find((m) => m.name === 'returned'), 'the handler return');
    await sleep(300);

    // Assert
    expect(api.responses.size).toBe(0);
    expect(api.errors).toEqual([]);
    expect(api.nextPolls).toHaveLength(1);
  });

  it('posts /error and exits 129 on an asynchronous uncaught exception mid-stream', async () => {
    // Arrange
    const api = harness.api();
    const runtime = harness.start('streaming.asyncUncaughtMidStream');
    const requestId = api.enqueue();
    await api.waitFor(() => api.responses.get(requestId)?.chunks[0], 'the first chunk');

    // Act
    api.release('throw');
    const exit = await runtime.exited;

    // Assert
    expect(exit.code).toBe(129);
    expect(api.errors).toHaveLength(1);
    expect(api.errors[0]).toMatchObject({
      requestId,
      status: 403,
      body: { errorType: 'Error', errorMessage: 'async boom' },
    });
    expect(api.errors[0]?.headers['lambda-runtime-function-error-type']).toBeUndefined();
    const xrayCause = JSON.parse(
      api.errors[0]?.headers['lambda-runtime-function-xray-error-cause'] as string,
    );
    expect(xrayCause.exceptions[0]).toMatchObject({ type: 'Error', message: 'async boom' });
    expect(bodyOf(api.responses.get(requestId) ?? never())).toEqual(Buffer.from('partial'));
    expect(runtime.stdout()).toMatch(/\treq-1\tERROR\tUncaught Exception \t\{"errorType":"Error"/);
  });

  it('posts /error and exits 128 on an unhandled rejection mid-stream', async () => {
    // Arrange
    const api = harness.api();
    const runtime = harness.start('streaming.unhandledRejectionMidStream');
    api.enqueue();

    // Act
    const exit = await runtime.exited;

    // Assert
    expect(exit.code).toBe(128);
    expect(api.errors[0]?.body).toMatchObject({
      errorType: 'Runtime.UnhandledPromiseRejection',
      errorMessage: 'Error: rejected boom',
    });
    expect(runtime.stdout()).toContain('\tERROR\tUnhandled Promise Rejection \t');
  });

  it('exits with the code given to process.exit without reporting anything', async () => {
    // Arrange
    const api = harness.api();
    const runtime = harness.start('streaming.processExit');
    api.enqueue();

    // Act
    const exit = await runtime.exited;

    // Assert
    expect(exit.code).toBe(3);
    expect(api.errors).toEqual([]);
  });

  it('serves two invocations in a row from the same warm process', async () => {
    // Arrange
    const api = harness.api();
    harness.start('streaming.counter');

    // Act
    const first = await api.waitForResponse(api.enqueue());
    const second = await api.waitForResponse(api.enqueue());

    // Assert
    expect(bodyOf(first).toString()).toBe('1');
    expect(bodyOf(second).toString()).toBe('2');
  });

  it('recovers after an error trailer and serves the next invocation', async () => {
    // Arrange
    const api = harness.api();
    harness.start('streaming.throwAfterWrite');

    // Act
    const first = await api.waitForResponse(api.enqueue());
    const second = await api.waitForResponse(api.enqueue());

    // Assert
    expect(errorBodyTrailer(first)).toMatchObject({ errorMessage: 'late boom' });
    expect(errorBodyTrailer(second)).toMatchObject({ errorMessage: 'late boom' });
  });

  it('waits for the empty event loop before asking for the next event by default', async () => {
    // Arrange
    const api = harness.api();
    harness.start('streaming.keepsLoopBusy');
    api.enqueue({ event: { waits: true, timerMs: 50 } });

    // Act
    await api.waitFor(() => api.nextPolls.length === 2, 'the second /next');

    // Assert
    const timerMark = api.marks.find((m) => m.name === 'timer-fired');
    expect(timerMark?.seq).toBeLessThan(api.nextPolls[1] ?? 0);
  });

  it('asks for the next event at once when callbackWaitsForEmptyEventLoop is false', async () => {
    // Arrange
    const api = harness.api();
    harness.start('streaming.keepsLoopBusy');
    api.enqueue({ event: { waits: false, timerMs: 60_000 } });

    // Act
    await api.waitFor(() => api.nextPolls.length === 2, 'the second /next');

    // Assert
    expect(api.marks).toEqual([]);
  });
});

function never(): never {
  throw new Error('expected a recorded response');
}
