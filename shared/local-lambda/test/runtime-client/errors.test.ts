import { describe, expect, it } from 'vitest';
import {
  ImportModuleError,
  intoError,
  toFormatted,
  toRapidResponse,
  UnhandledPromiseRejection,
} from '../../src/runtime-client/errors.js';
import { toHeaderValue } from '../../src/runtime-client/rapid-client/header-value.js';
import { formatXRayCause } from '../../src/runtime-client/xray-error.js';

describe('toRapidResponse (RIC Errors.js)', () => {
  it('keeps name, message and stack lines of an Error', () => {
    // Arrange
    const error = new TypeError('boom');

    // Act
    const response = toRapidResponse(error);

    // Assert
    expect(response.errorType).toBe('TypeError');
    expect(response.errorMessage).toBe('boom');
    expect(response.trace?.[0]).toBe('TypeError: boom');
  });

  it('escapes \\x7F as %7F', () => {
    // Arrange
    const error = new Error('a\x7Fb');
    error.name = 'My\x7FError';

    // Act
    const response = toRapidResponse(error);

    // Assert
    expect(response.errorType).toBe('My%7FError');
    expect(response.errorMessage).toBe('a%7Fb');
  });

  it.each([
    ['a string', 'a string', { errorType: 'string', errorMessage: 'a string', trace: [] }],
    ['a number', 42, { errorType: 'number', errorMessage: '42', trace: [] }],
    ['an object', { a: 1 }, { errorType: 'object', errorMessage: '[object Object]', trace: [] }],
  ])('describes %s by its typeof and toString()', (_label, value, expected) => {
    // Arrange / Act
    const response = toRapidResponse(value);

    // Assert
    expect(response).toEqual(expected);
  });

  it('falls back to the "handled" document when the value cannot be described', () => {
    // Arrange / Act
    const response = toRapidResponse(null);

    // Assert
    expect(response.errorType).toBe('handled');
    expect(response.trace).toBeUndefined();
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
    expect(toRapidResponse(error)).toMatchObject({
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
