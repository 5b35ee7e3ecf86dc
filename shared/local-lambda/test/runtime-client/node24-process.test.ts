import { describe, expect, it } from 'vitest';
import { bodyOf } from './helpers/fake-runtime-api.js';
import { logLines, useRuntimeHarness } from './helpers/harness.js';
import { start24 } from './helpers/node24.js';

// nodejs24.x installs no process-wide error or beforeExit listener (aws-lambda-ric 4.x, research
// notes §3.3, §10.1, rows 9, 16, 17 of §11): Node's defaults decide, nothing is posted.
const harness = useRuntimeHarness();

describe('the nodejs24.x runtime process (aws-lambda-ric 4.x)', () => {
  it('dies with exit code 1 on an uncaught exception mid-invocation and posts nothing', async () => {
    // Arrange
    const api = harness.api();
    const runtime = start24(harness, 'handlers.uncaughtInTimer');
    const requestId = api.enqueue();
    await api.waitFor(() => api.responses.get(requestId)?.chunks.length, 'the first chunk');

    // Act
    api.release('throw');
    const exit = await runtime.exited;

    // Assert
    expect(exit.code).toBe(1);
    expect(api.errors).toEqual([]);
    expect(runtime.stderr()).toContain('Error: timer boom');
    expect(runtime.stdout()).not.toContain('Uncaught Exception');
  });

  it('dies before posting the result when the handler leaves a rejection floating', async () => {
    // Arrange
    const api = harness.api();
    const runtime = start24(harness, 'handlers.floatingRejection');

    // Act
    const requestId = api.enqueue();
    const exit = await runtime.exited;

    // Assert: 3.3.0 posts "posted?" first, then /error, and exits 128
    expect(exit.code).toBe(1);
    expect(api.responses.has(requestId)).toBe(false);
    expect(api.errors).toEqual([]);
    expect(runtime.stderr()).toContain('Error: floating boom');
  });

  it('never fires a beforeExit listener of the function between invocations', async () => {
    // Arrange
    const api = harness.api();
    const runtime = start24(harness, 'handlers.beforeExitListener');

    // Act
    const first = await api.waitForResponse(api.enqueue());
    const second = await api.waitForResponse(api.enqueue());
    await api.waitFor(() => api.nextPolls.length === 3, 'the third /next');

    // Assert
    expect(bodyOf(first).toString()).toBe('ok');
    expect(bodyOf(second).toString()).toBe('ok');
    expect(runtime.stdout()).not.toContain('beforeExit fired');
  });

  it('logs an invocation error as Invoke Error with the request id', async () => {
    // Arrange
    const api = harness.api();
    const runtime = start24(harness, 'handlers.throwsStreaming');

    // Act
    const requestId = api.enqueue();
    const logs = await runtime.waitForStdout(/Invoke Error/);

    // Assert
    const line = logLines(logs).find((fields) => fields[3] === 'Invoke Error ');
    expect(line?.slice(1, 3)).toEqual([requestId, 'ERROR']);
    expect(JSON.parse(line?.[4] ?? '{}')).toMatchObject({
      errorType: 'Error',
      errorMessage: 'streaming boom',
    });
  });

  it('exits 1 at the first event when a function variable is empty, posting nothing', async () => {
    // Arrange
    const api = harness.api();
    const runtime = start24(harness, 'handlers.bufferedContext', {
      env: { AWS_LAMBDA_LOG_STREAM_NAME: '' },
    });

    // Act
    const requestId = api.enqueue();
    const exit = await runtime.exited;

    // Assert
    expect(exit.code).toBe(1);
    expect(api.responses.has(requestId)).toBe(false);
    expect(api.errors).toEqual([]);
    expect(runtime.stderr()).toContain(
      'Missing required environment variables: AWS_LAMBDA_LOG_STREAM_NAME',
    );
  });
});
