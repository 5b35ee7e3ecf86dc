import { describe, expect, it } from 'vitest';
import { caseNamed } from '../../client/cases.js';
import {
  formatChunk,
  formatCompletion,
  formatHeading,
  formatResponse,
  formatVerdict,
} from '../../client/format.js';

const happy = caseNamed('happy');

describe('sdk-invoke client output', () => {
  it('prints a chunk with its arrival time, size and quoted text', () => {
    // Act / Assert
    expect(formatChunk(503.4, 9, 'function ')).toBe('  503 ms  PayloadChunk   9 B  "function "');
    expect(formatChunk(6012, 10, 'finished!\n')).toBe(
      ' 6012 ms  PayloadChunk  10 B  "finished!\\n"',
    );
  });

  it('prints the response line with the status that is final from the start', () => {
    // Act
    const line = formatResponse({
      atMs: 47.6,
      statusCode: 200,
      executedVersion: '$LATEST',
      contentType: 'application/vnd.amazon.eventstream',
    });

    // Assert
    expect(line).toBe(
      '   48 ms  response: HTTP 200, version $LATEST, content-type application/vnd.amazon.eventstream',
    );
  });

  it('prints a successful InvokeComplete with the decoded log', () => {
    // Act
    const block = formatCompletion({
      atMs: 5524,
      errorCode: undefined,
      errorDetails: undefined,
      logResult: 'START RequestId: 1\nEND RequestId: 1\n',
      bytesReceived: 70,
    });

    // Assert
    expect(block).toBe(
      [
        ' 5524 ms  InvokeComplete after 70 bytes',
        '            ErrorCode:    (none)',
        '            ErrorDetails: (none)',
        '            LogResult (decoded):',
        '              | START RequestId: 1',
        '              | END RequestId: 1',
      ].join('\n'),
    );
  });

  it('prints the error code and pretty-prints JSON error details', () => {
    // Act
    const block = formatCompletion({
      atMs: 2003,
      errorCode: 'Error',
      errorDetails: '{"errorType":"Error","errorMessage":"This is a custom error mid-stream!"}',
      logResult: undefined,
      bytesReceived: 27,
    });

    // Assert
    expect(block).toBe(
      [
        ' 2003 ms  InvokeComplete after 27 bytes',
        '            ErrorCode:    Error',
        '            ErrorDetails:',
        '              {',
        '                "errorType": "Error",',
        '                "errorMessage": "This is a custom error mid-stream!"',
        '              }',
        '            LogResult (decoded):',
        '              (none)',
      ].join('\n'),
    );
  });

  it('prints error details that are not JSON as sent', () => {
    // Act
    const block = formatCompletion({
      atMs: 1000,
      errorCode: 'Sandbox.Timedout',
      errorDetails: 'Task timed out after 1.00 seconds',
      logResult: undefined,
      bytesReceived: 14,
    });

    // Assert
    expect(block).toContain('ErrorCode:    Sandbox.Timedout');
    expect(block).toContain('ErrorDetails: Task timed out after 1.00 seconds');
  });

  it('prints a heading and a verdict naming the demonstration', () => {
    // Act / Assert
    expect(formatHeading(happy, 'HappyPathFunction')).toBe(
      '=== happy: HappyPathFunction\n    expect all 12 words, then InvokeComplete without ErrorCode',
    );
    expect(formatVerdict(happy, true)).toBe('ok  happy behaved as expected');
    expect(formatVerdict(happy, false)).toMatch(/^NOT OK {2}happy did not behave as expected/);
  });
});
