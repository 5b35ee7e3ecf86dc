import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestService,
  fixtureFunction,
  readAll,
  type TestService,
} from '../fixtures/core/test-service.js';

const MAX_BUFFERED = 6_291_556;

describe('response size limits', () => {
  let t: TestService;

  beforeAll(() => {
    t = createTestService(
      [
        fixtureFunction('Big', 'handlers.big'),
        fixtureFunction('Stream', 'handlers.streamBytes', { timeout: 10 }),
      ],
      { limits: { maxStreamedResponseBytes: 1_000_000 } },
    );
  });

  afterAll(() => t.service.close());

  it('fails a buffered response over 6,291,556 bytes with Function.ResponseSizeTooLarge', async () => {
    // Arrange
    const size = MAX_BUFFERED; // JSON adds two quotes
    const handle = t.invoke('Big', { size }, { delivery: 'buffer' });

    // Act
    const body = await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(await handle.started).toBeUndefined();
    expect(body.length).toBe(0);
    expect(outcome.error?.errorType).toBe('Function.ResponseSizeTooLarge');
    expect(outcome.error?.errorMessage).toBe(
      `Response payload size (${size + 2} bytes) exceeded maximum allowed payload size (${MAX_BUFFERED} bytes).`,
    );
    expect(JSON.parse(outcome.error?.payload.toString() ?? '')).toEqual({
      errorType: 'Function.ResponseSizeTooLarge',
      errorMessage: outcome.error?.errorMessage,
    });
  });

  it('accepts a buffered response of exactly 6,291,556 bytes', async () => {
    // Arrange
    const handle = t.invoke('Big', { size: MAX_BUFFERED - 2 }, { delivery: 'buffer' });

    // Act
    const body = await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(body.length).toBe(MAX_BUFFERED);
    expect(outcome.error).toBeUndefined();
  });

  it('gives a buffered function its whole result as the body of a streamed delivery', async () => {
    // Arrange
    const handle = t.invoke('Big', { size: 2_000_000 }, { delivery: 'stream' });

    // Act
    const body = await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(body.length).toBe(2_000_002);
    expect(outcome.error).toBeUndefined();
  });

  it('cuts a streamed response at maxStreamedResponseBytes and recovers', async () => {
    // Arrange
    const handle = t.invoke('Stream', { size: 3_000_000 });

    // Act
    const body = await readAll(handle.body);
    const outcome = await handle.outcome;
    const next = t.invoke('Stream', { size: 10 });
    const nextBody = await readAll(next.body);
    const nextOutcome = await next.outcome;

    // Assert
    expect(body.length).toBe(1_000_000);
    expect(outcome.error?.errorType).toBe('Function.ResponseSizeTooLarge');
    expect(outcome.error?.errorMessage).toMatch(/maximum allowed payload size \(1000000 bytes\)/);
    expect(nextBody.length).toBe(10);
    expect(nextOutcome.error).toBeUndefined();
  });

  it('buffers a streaming function up to the buffered cap when the delivery is buffered', async () => {
    // Arrange
    const handle = t.invoke('Stream', { size: MAX_BUFFERED + 65_536 }, { delivery: 'buffer' });

    // Act
    const body = await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(body.length).toBe(MAX_BUFFERED);
    expect(outcome.error?.errorType).toBe('Function.ResponseSizeTooLarge');
    expect(outcome.error?.errorMessage).toMatch(/maximum allowed payload size \(6291556 bytes\)/);
  });

  it('lets a streaming function with a buffered delivery through under the cap', async () => {
    // Arrange
    const handle = t.invoke('Stream', { size: 2_000_000 }, { delivery: 'buffer' });

    // Act
    const body = await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(body.length).toBe(2_000_000);
    expect(outcome.error).toBeUndefined();
  });

  it('paces a streamed response with the bandwidth limit once the burst is spent', async () => {
    // Arrange: a 32 KiB burst, then 256 KiB/s, so 96 KiB need at least 250 ms.
    const paced = createTestService([fixtureFunction('Stream', 'handlers.streamBytes')], {
      limits: { bandwidthLimit: { burstBytes: 32 * 1024, bytesPerSecond: 256 * 1024 } },
    });
    const handle = paced.invoke('Stream', { size: 96 * 1024 });
    await handle.started;

    // Act
    const startedAt = performance.now();
    const body = await readAll(handle.body);
    const elapsedMs = performance.now() - startedAt;
    await handle.outcome;
    await paced.service.close();

    // Assert
    expect(body.length).toBe(96 * 1024);
    expect(elapsedMs).toBeGreaterThanOrEqual(240);
  });
});
