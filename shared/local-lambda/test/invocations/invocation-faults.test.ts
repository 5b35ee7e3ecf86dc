import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestService,
  fixtureFunction,
  readAll,
  type TestService,
} from '../fixtures/core/test-service.js';

const pidOf = (body: Buffer) => Number(/(?:started|fine) (\d+)/.exec(body.toString())?.[1]);

describe('invocation faults', () => {
  let t: TestService;

  beforeAll(() => {
    t = createTestService([
      fixtureFunction('NeverEnds', 'handlers.neverEnds', { timeout: 1 }),
      fixtureFunction('ExitMidStream', 'handlers.exitMidStream'),
      fixtureFunction('BusyLoop', 'handlers.busyLoop', { timeout: 1 }),
      fixtureFunction('OutOfMemory', 'handlers.outOfMemory', { memorySize: 128 }),
      fixtureFunction('BrokenInit', 'broken-init.handler'),
      fixtureFunction('ExitAtInit', 'exit-at-init.handler'),
      fixtureFunction('Missing', 'nowhere.handler'),
    ]);
  });

  afterAll(() => t.service.close());

  /** Invokes without the fault: it succeeds on a fresh environment. */
  async function expectRecovery(name: string): Promise<void> {
    const handle = t.invoke(name);
    const body = await readAll(handle.body);
    const outcome = await handle.outcome;
    expect(outcome.error).toBeUndefined();
    expect(body.toString()).toMatch(/fine \d+|started \d+/);
    expect(outcome.initDurationMs).toBeGreaterThan(0);
  }

  it('cuts a never-ending stream at the timeout, then runs the next invocation on a fresh environment', async () => {
    // Arrange
    const first = t.invoke('NeverEnds', { hang: true });

    // Act
    const firstBody = await readAll(first.body);
    const outcome = await first.outcome;
    const second = t.invoke('NeverEnds');
    const secondBody = await readAll(second.body);
    const secondOutcome = await second.outcome;

    // Assert
    expect(firstBody.toString()).toMatch(/^started \d+;$/);
    expect(outcome.error).toMatchObject({
      errorType: 'Sandbox.Timedout',
      errorMessage: 'Task timed out after 1.00 seconds',
    });
    expect(JSON.parse(outcome.error?.payload.toString() ?? '')).toEqual({
      errorMessage: `RequestId: ${first.requestId} Error: Task timed out after 1.00 seconds`,
      errorType: 'Sandbox.Timedout',
    });
    expect(outcome.logs).toMatch(
      new RegExp(
        `\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z ${first.requestId} Task timed out after 1.00 seconds\\n`,
      ),
    );
    expect(secondOutcome.error).toBeUndefined();
    expect(pidOf(secondBody)).not.toBe(pidOf(firstBody));
  });

  it('reports process.exit mid-stream as Runtime.ExitError and recovers', async () => {
    // Arrange
    const handle = t.invoke('ExitMidStream', { exit: true });

    // Act
    const body = await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(body.toString()).toBe('partial;');
    expect(outcome.error).toMatchObject({
      errorType: 'Runtime.ExitError',
      errorMessage: `RequestId: ${handle.requestId} Error: Runtime exited with error: exit status 3`,
    });
    await expectRecovery('ExitMidStream');
  });

  it('stops a busy loop at the timeout', async () => {
    // Arrange
    const handle = t.invoke('BusyLoop', { spin: true }, { delivery: 'buffer' });

    // Act
    await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(outcome.error?.errorType).toBe('Sandbox.Timedout');
    await expectRecovery('BusyLoop');
  });

  it('stops an environment whose heap outgrows MemorySize, as Lambda does, before V8 gives up', async () => {
    // Arrange
    const handle = t.invoke('OutOfMemory', { allocate: true }, { delivery: 'buffer' });

    // Act
    await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(outcome.error?.errorType).toBe('Runtime.ExitError');
    expect(outcome.error?.errorMessage).toBe(
      `RequestId: ${handle.requestId} Error: Runtime exited with error: signal: killed`,
    );
    expect(outcome.logs).toMatch(/\tStatus: error\tError Type: Runtime\.OutOfMemory$/m);
    expect(outcome.maxMemoryUsedMb).toBeGreaterThan(128);
    await expectRecovery('OutOfMemory');
  });

  it('reports an init error on the invocation that started the environment', async () => {
    // Arrange
    const handle = t.invoke('BrokenInit', {}, { delivery: 'buffer' });

    // Act
    const body = await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(await handle.started).toBeUndefined();
    expect(body.length).toBe(0);
    expect(outcome.error).toMatchObject({
      errorType: 'SyntaxError',
      errorMessage: 'cannot load this module',
    });
    expect(outcome.initDurationMs).toBeGreaterThan(0);
  });

  it('reports a runtime that exits during Init as Runtime.ExitError', async () => {
    // Arrange
    const handle = t.invoke('ExitAtInit', {}, { delivery: 'buffer' });

    // Act
    await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(outcome.error?.errorMessage).toBe(
      `RequestId: ${handle.requestId} Error: Runtime exited with error: exit status 2`,
    );
  });

  it('reports a missing handler module as an init error', async () => {
    // Arrange
    const handle = t.invoke('Missing', {}, { delivery: 'buffer' });

    // Act
    await readAll(handle.body);
    const outcome = await handle.outcome;

    // Assert
    expect(outcome.error?.errorType).toBe('Runtime.ImportModuleError');
  });
});
