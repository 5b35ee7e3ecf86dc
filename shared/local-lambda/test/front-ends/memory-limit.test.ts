import {
  InvokeCommand,
  InvokeWithResponseStreamCommand,
  type InvokeWithResponseStreamResponseEvent,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MemoryEmulator, startMemoryEmulator } from '../fixtures/memory/emulator.js';

const KILLED = /^RequestId: [\w-]+ Error: Runtime exited with error: signal: killed$/;
const OOM_REPORT =
  /^REPORT .*Memory Size: 128 MB\tMax Memory Used: \d+ MB\t.*Status: error\tError Type: Runtime\.OutOfMemory$/m;
const payload = (event: object) => Buffer.from(JSON.stringify(event));

describe.skipIf(process.platform !== 'linux')('a 128 MB function that holds 400 MB', () => {
  let emulator: MemoryEmulator;
  beforeAll(async () => {
    emulator = await startMemoryEmulator();
  });
  afterAll(() => emulator.close());

  /** A good invocation after the fault: it runs on a fresh environment (a cold start). */
  async function expectColdRecovery(): Promise<void> {
    const response = await emulator.client.send(
      new InvokeCommand({ FunctionName: 'HogFn', Payload: payload({}), LogType: 'Tail' }),
    );
    const logs = Buffer.from(response.LogResult ?? '', 'base64').toString();
    expect(response.FunctionError).toBeUndefined();
    expect(Buffer.from(response.Payload ?? []).toString()).toMatch(/^pid \d+$/);
    expect(logs).toMatch(/^REPORT .*\tInit Duration: [\d.]+ ms$/m);
  }

  it('fails an Invoke with the runtime exit Lambda reports, and REPORT says OutOfMemory', async () => {
    // Act
    const response = await emulator.client.send(
      new InvokeCommand({
        FunctionName: 'HogFn',
        Payload: payload({ allocate: true }),
        LogType: 'Tail',
      }),
    );

    // Assert
    const error = JSON.parse(Buffer.from(response.Payload ?? []).toString());
    expect(response.FunctionError).toBe('Unhandled');
    expect(error.errorType).toBe('Runtime.ExitError');
    expect(error.errorMessage).toMatch(KILLED);
    expect(Buffer.from(response.LogResult ?? '', 'base64').toString()).toMatch(OOM_REPORT);
    await expectColdRecovery();
  });

  it('fails an InvokeWithResponseStream in its InvokeComplete', async () => {
    // Act
    const response = await emulator.client.send(
      new InvokeWithResponseStreamCommand({
        FunctionName: 'HogFn',
        Payload: payload({ allocate: true }),
      }),
    );
    const events: InvokeWithResponseStreamResponseEvent[] = [];
    for await (const event of response.EventStream ?? []) events.push(event);

    // Assert
    expect(events).toHaveLength(1);
    expect(events[0]?.InvokeComplete?.ErrorCode).toBe('Runtime.ExitError');
    expect(events[0]?.InvokeComplete?.ErrorDetails).toMatch(KILLED);
    await expectColdRecovery();
  });

  it('fails a function URL request before its first byte', async () => {
    // Arrange
    const url = emulator.lambda.functions.find((fn) => fn.name === 'HogFn')?.url ?? '';

    // Act
    const response = await fetch(`${url}?allocate=1`);
    const body = await response.text();

    // Assert
    expect(response.status).toBe(502);
    expect(body).toBe('Internal Server Error');
    const reports = emulator.records
      .filter((r) => r.message.startsWith('REPORT'))
      .map((r) => r.message);
    expect(reports.at(-1)).toMatch(OOM_REPORT);
    await expectColdRecovery();
  });
});
