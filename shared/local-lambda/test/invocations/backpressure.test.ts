import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestService,
  fixtureFunction,
  readAll,
  type TestService,
} from '../fixtures/core/test-service.js';

const MiB = 1024 * 1024;

/** The highest `progress <bytes>` line the function printed so far. */
function progressOf(t: TestService, requestId: string): number {
  const values = t
    .linesOf(requestId)
    .map((line) => /^progress (\d+)$/.exec(line)?.[1])
    .filter((value) => value !== undefined)
    .map(Number);
  return Math.max(0, ...values);
}

describe('backpressure and discarded callers', () => {
  let t: TestService;

  beforeAll(() => {
    t = createTestService([fixtureFunction('Bytes', 'handlers.streamBytes', { timeout: 30 })], {
      limits: { bandwidthLimit: false },
    });
  });

  afterAll(() => t.service.close());

  it('holds a function back while its caller does not read, without buffering the response', async () => {
    // Arrange
    const size = 32 * MiB;
    const handle = t.invoke('Bytes', { size, reportEvery: 256 * 1024 });
    await handle.started;

    // Act: read nothing until the function has stalled (its progress stops moving).
    let previous = -1;
    let current = progressOf(t, handle.requestId);
    while (current !== previous) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      previous = current;
      current = progressOf(t, handle.requestId);
    }
    const stalledAt = current;
    const bufferedInBody = handle.body.readableLength;
    const body = await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(stalledAt).toBeLessThan(12 * MiB);
    expect(bufferedInBody).toBeLessThanOrEqual(128 * 1024);
    expect(body.length).toBe(size);
    expect(outcome.error).toBeUndefined();
    expect(outcome.logs).toMatch(/finished 33554432 refused [1-9]\d*/);
  });

  it('keeps a discarded invocation running to completion, unpaced, then reuses its environment', async () => {
    // Arrange: with Lambda's bandwidth limit, 24 MiB would take 9 s to reach a caller.
    const limited = createTestService([
      fixtureFunction('Bytes', 'handlers.streamBytes', { timeout: 5 }),
    ]);
    const size = 24 * MiB;
    const handle = limited.invoke('Bytes', { size });

    // Act
    handle.discard();
    const outcome = await handle.outcome;
    const next = limited.invoke('Bytes', { size: 5 });
    const nextBody = await readAll(next.body);
    const nextOutcome = await next.outcome;
    await limited.service.close();

    // Assert
    expect(outcome.error).toBeUndefined();
    expect(outcome.logs).toContain(`finished ${size}`);
    expect(nextBody.length).toBe(5);
    expect(nextOutcome.initDurationMs).toBeUndefined();
  });
});
