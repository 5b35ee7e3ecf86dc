import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CALLBACK_HANDLER_DEPRECATED_MESSAGE } from '@lambda-streaming/streaming/wire';
import { describe, expect, it } from 'vitest';
import { bodyOf } from './helpers/fake-runtime-api.js';
import { logLines, useRuntimeHarness } from './helpers/harness.js';
import { start24 } from './helpers/node24.js';

// nodejs24.x: the runtime behaves like aws-lambda-ric 4.x at init (research notes §2, §5, §10).
const harness = useRuntimeHarness();

async function initFailure(handler: string, taskRoot?: string) {
  const api = harness.api();
  const runtime = start24(harness, handler, taskRoot ? { taskRoot } : {});
  const exit = await runtime.exited;
  return { api, runtime, exit, initError: api.initErrors[0] };
}

describe('the nodejs24.x runtime at init (aws-lambda-ric 4.x)', () => {
  it.each([
    ['a callback handler', 'handlers.callback'],
    ['an async handler with three parameters', 'handlers.asyncCallback'],
  ])('refuses %s with Runtime.CallbackHandlerDeprecated, then exits 1', async (_label, handler) => {
    // Act
    const { api, runtime, exit, initError } = await initFailure(handler);

    // Assert
    expect(exit.code).toBe(1);
    expect(initError?.headers['lambda-runtime-function-error-type']).toBe(
      'Runtime.CallbackHandlerDeprecated',
    );
    expect(initError?.body).toMatchObject({
      errorType: 'Runtime.CallbackHandlerDeprecated',
      errorMessage: CALLBACK_HANDLER_DEPRECATED_MESSAGE,
    });
    expect(api.nextPolls).toEqual([]);
    const [initLog, errorLog] = logLines(runtime.stdout());
    expect(initLog?.slice(1)).toEqual(['-', 'INFO', 'module loaded']);
    expect(errorLog?.slice(1, 4)).toEqual(['-', 'ERROR', 'Init Error ']);
    expect(JSON.parse(errorLog?.[4] ?? '{}')).toMatchObject({
      errorType: 'Runtime.CallbackHandlerDeprecated',
      name: 'Runtime.CallbackHandlerDeprecated',
    });
    // No process listener: Node itself prints the unhandled rejection.
    expect(runtime.stderr()).toContain(
      `Runtime.CallbackHandlerDeprecated: ${CALLBACK_HANDLER_DEPRECATED_MESSAGE}`,
    );
  });

  it.each([
    ['an ES module', 'broken.mjs', 'export const handler = async () => {\n', 'SyntaxError: '],
    ['a CommonJS module', 'broken.cjs', 'exports.handler = ) => 1;\n', 'FILE:1'],
  ])('keeps the original stack of a syntax error in %s', async (_label, file, source, first) => {
    // Arrange
    const scratch = mkdtempSync(path.join(tmpdir(), 'runtime24-init-'));
    writeFileSync(path.join(scratch, file), source);

    // Act
    const { exit, initError } = await initFailure('broken.handler', scratch);

    // Assert: 3.3.0's trace starts with `Runtime.UserCodeSyntaxError: SyntaxError: …` instead
    expect(exit.code).toBe(1);
    expect(initError?.body).toMatchObject({ errorType: 'Runtime.UserCodeSyntaxError' });
    expect(initError?.body.errorMessage).toMatch(/^SyntaxError: /);
    const trace = initError?.body.trace as string[];
    expect(trace[0]?.startsWith(first.replace('FILE', path.join(scratch, file)))).toBe(true);
  });

  it('finds a handler in the default export', async () => {
    // Arrange
    const api = harness.api();
    start24(harness, 'default-export.handler');

    // Act
    const response = await api.waitForResponse(api.enqueue());

    // Assert
    expect(bodyOf(response).toString()).toBe('{"fromDefault":true}');
  });

  it('loads a .js file with ESM syntax and top-level await through import()', async () => {
    // Arrange
    const api = harness.api();
    start24(harness, 'no-type/esm-in-js.handler');

    // Act
    const response = await api.waitForResponse(api.enqueue());

    // Assert
    expect(bodyOf(response).toString()).toBe('{"value":"loaded through import()"}');
  });

  it('exits 1 with a Runtime.PlatformError and posts nothing when LAMBDA_TASK_ROOT is empty', async () => {
    // Arrange
    const api = harness.api();

    // Act
    const runtime = start24(harness, 'handlers.bufferedContext', { env: { LAMBDA_TASK_ROOT: '' } });
    const exit = await runtime.exited;

    // Assert
    expect(exit.code).toBe(1);
    expect(api.initErrors).toEqual([]);
    expect(runtime.stderr()).toContain(
      'PlatformError [Runtime.PlatformError]: LAMBDA_TASK_ROOT environment variable is not set',
    );
  });
});
