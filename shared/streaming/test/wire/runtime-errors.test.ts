import { describe, expect, it } from 'vitest';
import { formatRuntimeError } from '../../src/wire/index.js';

describe('error reports (aws-lambda-ric 3.3.0 toRapidResponse, 4.x formatError)', () => {
  it('keeps name, message and stack lines of an Error on both', () => {
    // Arrange
    const error = new TypeError('boom');

    // Act
    const reports = [
      formatRuntimeError(error, 'nodejs22.x'),
      formatRuntimeError(error, 'nodejs24.x'),
    ];

    // Assert
    for (const report of reports) {
      expect(report.errorType).toBe('TypeError');
      expect(report.errorMessage).toBe('boom');
      expect(report.trace?.[0]).toBe('TypeError: boom');
    }
  });

  it.each([
    ['a string', 'a string', { errorType: 'string', errorMessage: 'a string', trace: [] }],
    ['a number', 42, { errorType: 'number', errorMessage: '42', trace: [] }],
    ['an object', { a: 1 }, { errorType: 'object', errorMessage: '[object Object]', trace: [] }],
  ])('describes %s by its typeof and its text on both', (_label, value, expected) => {
    // Act
    const reports = [
      formatRuntimeError(value, 'nodejs22.x'),
      formatRuntimeError(value, 'nodejs24.x'),
    ];

    // Assert
    expect(reports).toEqual([expected, expected]);
  });

  it('falls back to the "handled" report without a trace on 3.3.0 for null', () => {
    // Act
    const report = formatRuntimeError(null, 'nodejs22.x');

    // Assert
    expect(report).toEqual({
      errorType: 'handled',
      errorMessage:
        'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
    });
    expect(report.trace).toBeUndefined();
  });

  it('describes null by its typeof on 4.x', () => {
    // Act
    const report = formatRuntimeError(null, 'nodejs24.x');

    // Assert
    expect(report).toEqual({ errorType: 'object', errorMessage: 'null', trace: [] });
  });

  it('falls back to "handled" on 3.3.0 for an Error without a stack, and keeps it on 4.x', () => {
    // Arrange
    const error = new TypeError('nostack');
    error.stack = undefined;

    // Act
    const on22 = formatRuntimeError(error, 'nodejs22.x');
    const on24 = formatRuntimeError(error, 'nodejs24.x');

    // Assert
    expect(on22.errorType).toBe('handled');
    expect(on22.trace).toBeUndefined();
    expect(on24).toEqual({ errorType: 'TypeError', errorMessage: 'nostack', trace: [] });
  });
});
