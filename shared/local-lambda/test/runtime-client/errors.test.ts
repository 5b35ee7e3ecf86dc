import { formatRuntimeError } from '@lambda-streaming/streaming/wire';
import { describe, expect, it } from 'vitest';
import {
  ImportModuleError,
  intoError,
  toFormatted,
  UnhandledPromiseRejection,
} from '../../src/runtime-client/errors.js';
import { RIC_330_RUNTIME } from '../../src/runtime-client/node-runtime.js';
import { toHeaderValue } from '../../src/runtime-client/rapid-client/header-value.js';
import { formatXRayCause } from '../../src/runtime-client/xray-error.js';

describe('runtime errors (RIC Errors.js)', () => {
  it('reports errors as the nodejs22.x runtime client does', () => {
    // Arrange
    const errorLike = { name: 'Custom', message: 'looks like one', stack: 'Custom: x\n  at y' };

    // Act
    const report = formatRuntimeError(errorLike, RIC_330_RUNTIME);

    // Assert: 3.3.0 takes an object with string name, message and stack for an Error
    expect(RIC_330_RUNTIME).toBe('nodejs22.x');
    expect(report).toEqual({
      errorType: 'Custom',
      errorMessage: 'looks like one',
      trace: ['Custom: x', '  at y'],
    });
  });

  it('names the runtime errors Runtime.*', () => {
    // Arrange / Act
    const error = new ImportModuleError('missing');

    // Assert
    expect(error.name).toBe('Runtime.ImportModuleError');
    expect(error.stack?.split('\n')[0]).toBe('Runtime.ImportModuleError: missing');
  });

  it('wraps an unhandled rejection reason into its message', () => {
    // Arrange
    const promise = Promise.resolve();

    // Act
    const error = new UnhandledPromiseRejection(new Error('inner'), promise);

    // Assert
    expect(formatRuntimeError(error, RIC_330_RUNTIME)).toMatchObject({
      errorType: 'Runtime.UnhandledPromiseRejection',
      errorMessage: 'Error: inner',
    });
  });
});

describe('toFormatted (Invoke Error log lines)', () => {
  it('formats an error as a tab then JSON with its own enumerable properties', () => {
    // Arrange
    const error = Object.assign(new Error('boom'), { code: 'E_BOOM', extra: 1 });

    // Act
    const text = toFormatted(intoError(error));

    // Assert
    expect(text.startsWith('\t')).toBe(true);
    expect(JSON.parse(text.slice(1))).toMatchObject({
      errorType: 'Error',
      errorMessage: 'boom',
      code: 'E_BOOM',
      extra: 1,
      stack: expect.arrayContaining(['Error: boom']),
    });
  });

  it('turns a non-Error into an Error first', () => {
    // Arrange / Act
    const parsed = JSON.parse(toFormatted(intoError('plain')).slice(1));

    // Assert
    expect(parsed).toMatchObject({ errorType: 'Error', errorMessage: 'plain' });
  });
});

describe('header values', () => {
  it('percent-encodes characters a header cannot carry', () => {
    // Arrange / Act / Assert
    expect(toHeaderValue('Fehler.Ä')).toBe('Fehler.%C3%84');
    expect(toHeaderValue('Runtime.Plain Error')).toBe('Runtime.Plain Error');
  });

  it('builds an ASCII-only X-Ray cause', () => {
    // Arrange
    const error = new Error('ünïcode');

    // Act
    const cause = formatXRayCause(error);

    // Assert
    expect(cause).toMatch(/^[\x20-\x7e]+$/);
    expect(JSON.parse(cause).exceptions[0]).toMatchObject({ type: 'Error', message: 'ünïcode' });
  });
});
