import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagedNode } from '../../src/environments/node-binary.js';
import {
  createTestService,
  fixtureFunction,
  readAll,
  type TestService,
} from '../fixtures/core/test-service.js';
import { node24Fixtures } from '../runtime-client/helpers/node24.js';
import { ensureRuntimeBuilt } from '../runtime-client/helpers/runtime-build.js';

// A `nodejs24.x` function in the emulator with the project's runtime: Node 24 from its own
// package, AWS_EXECUTION_ENV=AWS_Lambda_nodejs24.x, and the aws-lambda-ric 4.x semantics.
describe.runIf(packagedNode(24))('nodejs24.x functions on the local runtime', () => {
  let t: TestService;
  const fn24 = (name: string, handler: string) =>
    fixtureFunction(name, handler, { runtime: 'nodejs24.x', codeUri: node24Fixtures });

  beforeAll(async () => {
    await ensureRuntimeBuilt();
    t = createTestService(
      [
        fn24('Context', 'handlers.bufferedContext'),
        fn24('Callback', 'handlers.callback'),
        fn24('TimerCrash', 'handlers.timerCrash'),
        fn24('StreamThrows', 'handlers.throwsStreaming'),
      ],
      { runtimeClient: 'local', limits: { bandwidthLimit: false } },
    );
  }, 120_000);

  afterAll(async () => {
    await t.service.close();
  });

  async function invoke(name: string, delivery: 'buffer' | 'stream' = 'buffer') {
    const handle = t.invoke(name, {}, { delivery });
    const body = (await readAll(handle.body)).toString();
    return { body, outcome: await handle.outcome };
  }

  it('reports process.version v24 and the 4.x context through a real invocation', async () => {
    // Act
    const { body, outcome } = await invoke('Context');

    // Assert
    const parsed = JSON.parse(body);
    expect(outcome.error).toBeUndefined();
    expect(parsed.version).toMatch(/^v24\./);
    expect(parsed.waits).toBe('undefined');
    expect(parsed.awslambda).toContain('InvokeStore');
  });

  it('fails a callback handler at init with Runtime.CallbackHandlerDeprecated', async () => {
    // Act
    const { outcome } = await invoke('Callback');

    // Assert
    expect(outcome.error?.errorType).toBe('Runtime.CallbackHandlerDeprecated');
    expect(outcome.error?.errorMessage).toMatch(/starting with Node\.js 24/);
    expect(outcome.logs).toContain('\t-\tERROR\tInit Error \t');
  });

  it('reports an uncaught exception as Runtime.ExitError (exit status 1)', async () => {
    // Act
    const { outcome } = await invoke('TimerCrash');

    // Assert
    expect(outcome.error?.errorType).toBe('Runtime.ExitError');
    expect(outcome.error?.errorMessage).toMatch(/Runtime exited with error: exit status 1$/);
  });

  it('keeps the environment warm after a failed stream, whose /next may come early', async () => {
    // Act
    const first = await invoke('StreamThrows', 'stream');
    const second = await invoke('StreamThrows', 'stream');

    // Assert
    expect(first.outcome.error).toMatchObject({
      errorType: 'Error',
      errorMessage: 'streaming boom',
    });
    expect(first.outcome.initDurationMs).toBeDefined();
    expect(second.outcome.error).toMatchObject({ errorType: 'Error' });
    expect(second.outcome.initDurationMs).toBeUndefined();
  });
});
