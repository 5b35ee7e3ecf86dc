import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf } from './helpers/fake-runtime-api.js';
import { useRuntimeHarness } from './helpers/harness.js';
import { fixturesRoot } from './helpers/runtime-process.js';

const harness = useRuntimeHarness();
const resolutionRoot = (folder: string) => path.join(fixturesRoot, 'resolution', folder);

async function invokeJson(handler: string, taskRoot?: string) {
  const api = harness.api();
  harness.start(handler, { taskRoot });
  const response = await api.waitForResponse(api.enqueue());
  return JSON.parse(bodyOf(response).toString());
}

async function initFailure(
  handler: string,
  options: { taskRoot?: string; env?: Record<string, string> } = {},
) {
  const api = harness.api();
  const runtime = harness.start(handler, options);
  const exit = await runtime.exited;
  return { api, runtime, exit, initError: api.initErrors[0] };
}

describe('handler resolution (RIC UserFunction)', () => {
  it.each([
    [
      'a CommonJS .js file with a nested handler path',
      'cjs-js',
      'app.nested.deeper.handler',
      'cjs',
    ],
    ['an ES module .js file in a "type": "module" package', 'esm-js', 'app.handler', 'esm'],
    ['a .cjs file', 'cjs-ext', 'app.handler', 'cjs'],
    ['an .mjs file', 'mjs', 'app.handler', 'esm'],
  ])('loads %s', async (_label, folder, handler, loadedAs) => {
    // Arrange / Act
    const body = await invokeJson(handler, resolutionRoot(folder));

    // Assert
    expect(body).toEqual({ loadedAs });
  });

  it('loads a module from a folder named in the handler string', async () => {
    // Arrange / Act
    const body = await invokeJson('src/app.handler', resolutionRoot('nested'));

    // Assert
    expect(body).toEqual({ loadedFrom: 'src/app.mjs' });
  });

  it.each([
    ['app.js before app.mjs', 'js-before-mjs', 'app.js'],
    ['app.mjs before app.cjs', 'mjs-before-cjs', 'app.mjs'],
  ])('prefers %s', async (_label, folder, file) => {
    // Arrange / Act
    const body = await invokeJson('app.handler', resolutionRoot(folder));

    // Assert
    expect(body).toEqual({ file });
  });

  it('runs init, top-level await included, once and before the first /next', async () => {
    // Arrange
    const api = harness.api();
    harness.start('top-level-await.handler');

    // Act
    const first = await api.waitForResponse(api.enqueue());
    const second = await api.waitForResponse(api.enqueue());

    // Assert
    expect(api.marks.map((m) => m.name)).toEqual(['init-done']);
    expect(api.marks[0]?.seq).toBeLessThan(api.nextPolls[0] ?? 0);
    expect(JSON.parse(bodyOf(second).toString())).toEqual({ initRuns: 1 });
    expect(bodyOf(first).toString()).toBe(bodyOf(second).toString());
  });
});

describe('init errors (posted to /init/error, then exit 129)', () => {
  let scratch = '';
  beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'runtime-init-'));
    writeFileSync(path.join(scratch, 'package.json'), '{}');
    // Written here, not kept as fixtures, because the linter would refuse to parse them.
    writeFileSync(path.join(scratch, 'broken-esm.mjs'), 'export const handler = async () => {\n');
    writeFileSync(path.join(scratch, 'broken-cjs.js'), 'exports.handler = ) => 1;\n');
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.each([
    [
      'a missing module',
      'does-not-exist.handler',
      'Runtime.ImportModuleError',
      /^Error: Cannot find module 'does-not-exist'/,
    ],
    [
      'a missing export',
      'buffered.missing',
      'Runtime.HandlerNotFound',
      /^buffered\.missing is undefined or not exported$/,
    ],
    [
      'an export that is not a function',
      'buffered.notAFunction',
      'Runtime.HandlerNotFound',
      /^buffered\.notAFunction is not a function$/,
    ],
    ['a handler string without a dot', 'buffered', 'Runtime.MalformedHandlerName', /^Bad handler$/],
    [
      'a handler string with ..',
      '../x.handler',
      'Runtime.MalformedHandlerName',
      /is not a valid handler name/,
    ],
    ['a module that throws', 'throws-at-init.handler', 'Error', /^init boom$/],
    [
      'a missing package',
      'imports-missing-package.handler',
      'Runtime.ImportModuleError',
      /a-package-that-is-not-installed/,
    ],
  ])('reports %s', async (_label, handler, errorType, message) => {
    // Arrange / Act
    const { api, runtime, exit, initError } = await initFailure(handler);

    // Assert
    expect(exit.code).toBe(129);
    expect(initError?.headers['lambda-runtime-function-error-type']).toBe(errorType);
    expect(initError?.body.errorType).toBe(errorType);
    expect(initError?.body.errorMessage).toMatch(message);
    expect(Array.isArray(initError?.body.trace)).toBe(true);
    expect(api.nextPolls).toEqual([]);
    expect(runtime.stdout()).toContain(
      `\tundefined\tERROR\tUncaught Exception \t{"errorType":"${errorType}"`,
    );
  });

  it.each([
    ['an ES module', 'broken-esm.handler'],
    ['a CommonJS module', 'broken-cjs.handler'],
  ])('reports a syntax error in %s as Runtime.UserCodeSyntaxError', async (_label, handler) => {
    // Arrange / Act
    const { exit, initError } = await initFailure(handler, { taskRoot: scratch });

    // Assert
    expect(exit.code).toBe(129);
    expect(initError?.body).toMatchObject({ errorType: 'Runtime.UserCodeSyntaxError' });
    expect(initError?.body.errorMessage).toMatch(/^SyntaxError: /);
  });

  it('installs no awslambda global when AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA is true', async () => {
    // Arrange / Act
    const { initError } = await initFailure('streaming.writeThenEnd', {
      env: { AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA: 'true' },
    });

    // Assert
    expect(initError?.body).toMatchObject({
      errorType: 'ReferenceError',
      errorMessage: 'awslambda is not defined',
    });
  });
});
