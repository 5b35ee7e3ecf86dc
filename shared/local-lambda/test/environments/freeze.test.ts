import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createTestService,
  fixtureFunction,
  readAll,
  type TestService,
} from '../fixtures/core/test-service.js';
import { processState } from '../fixtures/processes.js';

const TIMER_LINE = 'left-over timer ran';

async function invokeForPid(t: TestService, event: object = {}) {
  const handle = t.invoke('LeaveTimer', event, { delivery: 'buffer' });
  const { pid } = JSON.parse((await readAll(handle.body)).toString()) as { pid: number };
  return { pid, requestId: handle.requestId, outcome: await handle.outcome };
}

describe.skipIf(process.platform !== 'linux')('idle environments are frozen', () => {
  let t: TestService | undefined;
  afterEach(() => t?.service.close());

  it('runs a timer left pending after the response only during the next invocation', async () => {
    // Arrange
    t = createTestService([fixtureFunction('LeaveTimer', 'handlers.leaveTimer')]);
    const first = await invokeForPid(t, { delayMs: 500 });
    await expect.poll(() => processState(first.pid), { timeout: 5_000 }).toBe('T');

    // Act
    await delay(1_500); // three times the timer's delay, spent frozen
    const idleLines = t.records.filter((r) => r.message === TIMER_LINE);
    const second = await invokeForPid(t, { delayMs: 60_000 });

    // Assert
    expect(idleLines).toEqual([]);
    expect(second.pid).toBe(first.pid);
    expect(t.linesOf(second.requestId)).toContain(TIMER_LINE);
    await expect.poll(() => processState(first.pid), { timeout: 5_000 }).toBe('T');
  });

  it('lets the timer run while idle when freezing is off (for a debugger)', async () => {
    // Arrange
    t = createTestService([fixtureFunction('LeaveTimer', 'handlers.leaveTimer')], {
      lifecycle: { freeze: false },
    });

    // Act
    const first = await invokeForPid(t, { delayMs: 500 });
    await expect
      .poll(() => t?.records.filter((r) => r.message === TIMER_LINE), { timeout: 5_000 })
      .toHaveLength(1);

    // Assert
    const line = t.records.find((r) => r.message === TIMER_LINE);
    expect(line?.requestId).toBeUndefined();
    expect(processState(first.pid)).not.toBe('T');
  });

  it('counts no frozen time against the next invocation: neither its timeout nor its REPORT', async () => {
    // Arrange
    t = createTestService([fixtureFunction('LeaveTimer', 'handlers.leaveTimer', { timeout: 1 })]);
    const first = await invokeForPid(t, { delayMs: 60_000 });
    await expect.poll(() => processState(first.pid), { timeout: 5_000 }).toBe('T');

    // Act
    await delay(1_500); // longer than the function's 1 s timeout, spent frozen
    const second = await invokeForPid(t, { delayMs: 60_000 });

    // Assert
    expect(second.pid).toBe(first.pid);
    expect(second.outcome.error).toBeUndefined();
    expect(second.outcome.initDurationMs).toBeUndefined();
    expect(second.outcome.durationMs).toBeLessThan(1_000); // the timeout, not a guess
  });

  it('runs a left-over process.exit only after the next thaw; the invocation after is cold', async () => {
    // Arrange
    t = createTestService([fixtureFunction('ExitLater', 'handlers.exitLater')]);
    const first = t.invoke('ExitLater', {}, { delivery: 'buffer' });
    const { pid } = JSON.parse((await readAll(first.body)).toString()) as { pid: number };
    await first.outcome;
    await expect.poll(() => processState(pid), { timeout: 5_000 }).toBe('T');
    await delay(500); // the 50 ms timer is long overdue, but frozen
    const stateWhileIdle = processState(pid);

    // Act
    const second = t.invoke('ExitLater', {}, { delivery: 'buffer' });
    await readAll(second.body);
    await second.outcome;
    await expect.poll(() => processState(pid), { timeout: 5_000 }).toMatch(/gone|Z/);
    const third = t.invoke('ExitLater', {}, { delivery: 'buffer' });
    const thirdBody = JSON.parse((await readAll(third.body)).toString()) as { pid: number };
    const thirdOutcome = await third.outcome;

    // Assert
    expect(stateWhileIdle).toBe('T');
    expect(thirdOutcome.error).toBeUndefined();
    expect(thirdOutcome.initDurationMs).toBeDefined();
    expect(thirdBody.pid).not.toBe(pid);
  });

  it('leaves no frozen process behind when the service closes', async () => {
    // Arrange
    t = createTestService([fixtureFunction('LeaveTimer', 'handlers.leaveTimer')]);
    const first = await invokeForPid(t);
    await expect.poll(() => processState(first.pid), { timeout: 5_000 }).toBe('T');

    // Act
    await t.service.close();

    // Assert
    expect(['gone', 'Z']).toContain(processState(first.pid));
  });
});
