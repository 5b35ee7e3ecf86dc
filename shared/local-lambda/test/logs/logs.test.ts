import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LOG_TAIL_BYTES } from '../../src/defaults.js';
import { memoryFlags } from '../../src/environments/environment-variables.js';
import { describeExit, exitError, timeoutError } from '../../src/invocations/function-errors.js';
import {
  createConsoleLogger,
  endLine,
  LogTail,
  reportLine,
  startLine,
  timeoutLine,
} from '../../src/logs/function-logs.js';

describe('log lines', () => {
  it('formats START, END and REPORT as CloudWatch shows them', () => {
    // Act
    const lines = [
      startLine('id-1'),
      endLine('id-1'),
      reportLine('id-1', {
        durationMs: 12.345,
        billedDurationMs: 13,
        memorySizeMb: 128,
        maxMemoryUsedMb: 45,
        initDurationMs: 123.454,
      }),
      reportLine('id-1', {
        durationMs: 1,
        billedDurationMs: 1,
        memorySizeMb: 512,
        maxMemoryUsedMb: 60,
      }),
    ];

    // Assert
    expect(lines).toEqual([
      'START RequestId: id-1 Version: $LATEST',
      'END RequestId: id-1',
      'REPORT RequestId: id-1\tDuration: 12.35 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 45 MB\tInit Duration: 123.45 ms',
      'REPORT RequestId: id-1\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 512 MB\tMax Memory Used: 60 MB',
    ]);
  });

  it('formats the timeout line with a timestamp and the request id', () => {
    // Act
    const line = timeoutLine('id-2', 3, new Date('2026-11-30T10:00:00.000Z'));

    // Assert
    expect(line).toBe('2026-11-30T10:00:00.000Z id-2 Task timed out after 3.00 seconds');
  });

  it('keeps only the last 4 KB of an invocation log', () => {
    // Arrange
    const tail = new LogTail();

    // Act
    for (let i = 0; i < 1000; i++) tail.append(`line ${i} ${'.'.repeat(40)}`);
    tail.append('last');
    const text = tail.text();

    // Assert
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(LOG_TAIL_BYTES);
    expect(Buffer.byteLength(text)).toBeGreaterThan(LOG_TAIL_BYTES - 100);
    expect(text.endsWith('last\n')).toBe(true);
  });

  it('cuts a single line longer than 4 KB to its end', () => {
    // Arrange
    const tail = new LogTail();

    // Act
    tail.append(`${'a'.repeat(10_000)}z`);

    // Assert
    expect(tail.text()).toHaveLength(LOG_TAIL_BYTES);
    expect(tail.text().endsWith('z\n')).toBe(true);
  });

  it('prints lines tagged with the function name, adding the request id when missing', () => {
    // Arrange
    const stream = new PassThrough();
    const logger = createConsoleLogger({ stream, color: false });

    // Act
    logger({ functionName: 'Fn', requestId: 'r1', source: 'stdout', message: 'plain' });
    logger({ functionName: 'Fn', requestId: 'r1', source: 'stdout', message: 'ts\tr1\tINFO\thi' });
    logger({ functionName: 'Fn', source: 'emulator', message: 'notice' });

    // Assert
    expect(stream.read()?.toString()).toBe('[Fn] r1 plain\n[Fn] ts\tr1\tINFO\thi\n[Fn] notice\n');
  });

  it('colours the tag when asked', () => {
    // Arrange
    const stream = new PassThrough();

    // Act
    createConsoleLogger({ stream, color: true })({
      functionName: 'Fn',
      source: 'platform',
      message: 'x',
    });

    // Assert
    const ESC = String.fromCharCode(27);
    const text = stream.read()?.toString() ?? '';
    expect(text.startsWith(`${ESC}[`)).toBe(true);
    expect(text.endsWith(`m[Fn]${ESC}[0m x\n`)).toBe(true);
  });
});

describe('function errors', () => {
  it('describes exits as RAPID does', () => {
    // Assert
    expect(describeExit({ code: 1, signal: null })).toBe('exit status 1');
    expect(describeExit({ code: null, signal: 'SIGKILL' })).toBe('signal: killed');
    expect(describeExit({ code: null, signal: 'SIGABRT' })).toBe('signal: aborted');
  });

  it('builds the timeout and exit documents', () => {
    // Act
    const timeout = timeoutError('id', 1);
    const exit = exitError('id', { code: null, signal: 'SIGKILL' });

    // Assert
    expect(timeout.payload.toString()).toBe(
      '{"errorMessage":"RequestId: id Error: Task timed out after 1.00 seconds","errorType":"Sandbox.Timedout"}',
    );
    expect(exit.payload.toString()).toBe(
      '{"errorType":"Runtime.ExitError","errorMessage":"RequestId: id Error: Runtime exited with error: signal: killed"}',
    );
  });
});

describe('memory flags', () => {
  it('derives the heap flags from MemorySize', () => {
    // Assert
    expect(memoryFlags(128)).toBe('--max-old-space-size=116 --max-semi-space-size=6');
    expect(memoryFlags(1024)).toBe('--max-old-space-size=922 --max-semi-space-size=51');
  });
});
