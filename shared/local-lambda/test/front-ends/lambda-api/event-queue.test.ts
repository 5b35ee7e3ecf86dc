import { InvokeCommand } from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeService, type FakeService } from '../../fixtures/frontend/fake-service.js';
import { ManualClock, settle } from '../../fixtures/frontend/manual-clock.js';
import { type RunningApi, startApi } from '../../fixtures/frontend/servers.js';

const HOUR = 3_600_000;

function recordingLogger() {
  const lines: string[] = [];
  const push = (message: string) => lines.push(message);
  return { lines, logger: { info: push, warn: push, error: push } };
}

describe('Event invocations (the asynchronous queue)', () => {
  let api: RunningApi;
  afterEach(() => api.close());

  async function start(service: FakeService, clock: ManualClock) {
    const log = recordingLogger();
    api = await startApi(service, { eventClock: clock, logger: log.logger });
    const sendEvent = (name: string) =>
      api.client.send(new InvokeCommand({ FunctionName: name, InvocationType: 'Event' }));
    return { log, sendEvent };
  }

  it('keeps a throttled event for hours and runs it once an environment is free', async () => {
    // Arrange: the only environment is held by a synchronous invocation.
    const clock = new ManualClock();
    const service = createFakeService([{ name: 'Fn' }], {}, { maxConcurrency: 1 });
    const { log, sendEvent } = await start(service, clock);
    const holding = api.client.send(new InvokeCommand({ FunctionName: 'Fn' }));
    const held = await service.nextInvocation();

    // Act: the event is accepted, then five hours pass at the limit.
    const accepted = await sendEvent('Fn');
    await clock.advance(5 * HOUR);
    const runningDuringHold = service.invocations.length;
    held.finish();
    await holding;
    await clock.advance(5 * 60_000);

    // Assert
    expect(accepted.StatusCode).toBe(202);
    expect(runningDuringHold).toBe(1);
    expect(service.invocations).toHaveLength(2);
    expect(service.invocations[1]?.requestId).toBe(accepted.$metadata.requestId);
    expect(log.lines.filter((line) => /discarded|dropped/.test(line))).toEqual([]);
  });

  it('discards an event older than MaximumEventAgeInSeconds, naming the OnFailure destination', async () => {
    // Arrange
    const clock = new ManualClock();
    const definition = {
      eventInvokeConfig: {
        maximumEventAgeInSeconds: 60,
        onFailure: 'arn:aws:sqs:us-east-1:123456789012:dlq',
      },
    };
    const service = createFakeService([{ name: 'Fn', definition }], {}, { maxConcurrency: 1 });
    const { log, sendEvent } = await start(service, clock);
    void api.client.send(new InvokeCommand({ FunctionName: 'Fn' })).catch(() => {});
    await service.nextInvocation();

    // Act
    const accepted = await sendEvent('Fn');
    await clock.advance(59_000);
    const before = log.lines.filter((line) => line.includes('discarded'));
    await clock.advance(2_000);

    // Assert
    expect(before).toEqual([]);
    const discarded = log.lines.filter((line) => line.includes('discarded'));
    expect(discarded).toHaveLength(1);
    expect(discarded[0]).toContain(`Event invocation ${accepted.$metadata.requestId} of Fn`);
    expect(discarded[0]).toContain('(EventAgeExceeded)');
    expect(discarded[0]).toContain('OnFailure destination arn:aws:sqs:us-east-1:123456789012:dlq');
    expect(service.invocations).toHaveLength(1);
  });

  it('retries a failing event twice, 1 and 2 minutes apart, then discards it', async () => {
    // Arrange: every attempt fails.
    const clock = new ManualClock();
    const service = createFakeService([{ name: 'Fails' }], {
      Fails: (invocation) =>
        invocation.finish({ error: { errorType: 'Error', errorMessage: 'boom' } }),
    });
    const { log, sendEvent } = await start(service, clock);

    // Act
    await sendEvent('Fails');
    await clock.advance(0);
    const afterFirst = service.invocations.length;
    await clock.advance(59_999);
    const beforeFirstRetry = service.invocations.length;
    await clock.advance(1);
    const afterFirstRetry = service.invocations.length;
    await clock.advance(119_999);
    const beforeSecondRetry = service.invocations.length;
    await clock.advance(HOUR);

    // Assert
    expect([afterFirst, beforeFirstRetry, afterFirstRetry, beforeSecondRetry]).toEqual([
      1, 1, 2, 2,
    ]);
    expect(service.invocations).toHaveLength(3);
    const discarded = log.lines.filter((line) => line.includes('discarded'));
    expect(discarded).toHaveLength(1);
    expect(discarded[0]).toContain('(RetriesExhausted)');
    expect(discarded[0]).toContain('its 3 attempts failed (last: Error: boom)');
    expect(discarded[0]).toContain('no OnFailure destination is configured');
  });

  it('honours MaximumRetryAttempts 0: one attempt only', async () => {
    // Arrange
    const clock = new ManualClock();
    const definition = { eventInvokeConfig: { maximumRetryAttempts: 0 } };
    const service = createFakeService([{ name: 'Fails', definition }], {
      Fails: (invocation) =>
        invocation.finish({ error: { errorType: 'Error', errorMessage: 'once' } }),
    });
    const { log, sendEvent } = await start(service, clock);

    // Act
    await sendEvent('Fails');
    await clock.advance(HOUR);

    // Assert
    expect(service.invocations).toHaveLength(1);
    expect(log.lines.some((line) => line.includes('(RetriesExhausted)'))).toBe(true);
  });

  it('runs every one of many events queued at the limit, none lost', async () => {
    // Arrange: 2 environments, 30 events; each invocation ends when the clock says so.
    const clock = new ManualClock();
    const service = createFakeService(
      [{ name: 'Slow' }],
      {
        Slow: (invocation) => void clock.later(3000, () => invocation.finish()),
      },
      { maxConcurrency: 2 },
    );
    const { log, sendEvent } = await start(service, clock);

    // Act
    for (let index = 0; index < 30; index += 1) await sendEvent('Slow');
    await settle();
    await clock.advance(20 * 60_000);

    // Assert
    expect(service.invocations).toHaveLength(30);
    expect(new Set(service.invocations.map((invocation) => invocation.requestId)).size).toBe(30);
    expect(log.lines.filter((line) => /discarded|dropped/.test(line))).toEqual([]);
  });
});
