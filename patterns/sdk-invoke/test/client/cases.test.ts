import { describe, expect, it } from 'vitest';
import { behavedAsExpected, CASE_NAMES, CASES } from '../../client/cases.js';
import { sentence } from '../../src/words.js';

describe('sdk-invoke client expectations', () => {
  it('names the three functions of template.yaml and their outputs', () => {
    // Assert
    expect(CASE_NAMES).toEqual(['happy', 'midstream-error', 'timeout']);
    expect(CASES.map((c) => [c.logicalId, c.outputKey])).toEqual([
      ['HappyPathFunction', 'HappyPathFunctionName'],
      ['MidstreamErrorFunction', 'MidstreamErrorFunctionName'],
      ['TimeoutFunction', 'TimeoutFunctionName'],
    ]);
  });

  it.each([
    ['happy', sentence(), undefined, true],
    ['happy', sentence(4), 'Error', false],
    ['midstream-error', sentence(4), 'Error', true],
    ['midstream-error', sentence(), undefined, false],
    ['timeout', sentence(2), 'Sandbox.Timedout', true],
    ['timeout', sentence(), undefined, false],
    ['timeout', sentence(), 'Sandbox.Timedout', false],
  ] as const)('judges %s with %j and ErrorCode %s as expected: %s', (name, text, errorCode, ok) => {
    // Act
    const verdict = behavedAsExpected(name, { text, errorCode, completed: true });

    // Assert
    expect(verdict).toBe(ok);
  });

  it('never accepts a stream that ended without InvokeComplete', () => {
    // Act
    const verdict = behavedAsExpected('timeout', {
      text: sentence(2),
      errorCode: undefined,
      completed: false,
    });

    // Assert
    expect(verdict).toBe(false);
  });
});
