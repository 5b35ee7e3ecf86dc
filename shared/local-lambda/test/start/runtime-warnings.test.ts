import { describe, expect, it } from 'vitest';
import { runtimeWarnings } from '../../src/start/runtime-warnings.js';

const DAY_READ = new Date('2026-12-07T12:00:00Z');
const CN_PAGE = 'https://docs.amazonaws.cn/en_us/lambda/latest/dg/programming-model.html';

/** A binary lookup that finds a Node.js 18 and falls back to the host for anything else. */
function binaries(calls: string[]) {
  return (runtime: string, warn: (message: string) => void) => {
    calls.push(runtime);
    if (runtime === 'nodejs18.x') return '/opt/node18/bin/node';
    warn(`No Node.js binary for ${runtime}.`);
    return process.execPath;
  };
}

describe('runtimeWarnings', () => {
  it('names a deprecated runtime, its dates as AWS gives them, its functions and where they run', () => {
    // Arrange
    const calls: string[] = [];
    const definitions = [
      { logicalId: 'OldFn', runtime: 'nodejs18.x' },
      { logicalId: 'CurrentFn', runtime: 'nodejs24.x' },
      { logicalId: 'OlderFn', runtime: 'nodejs18.x' },
    ];

    // Act
    const warnings = runtimeWarnings(definitions, {
      now: DAY_READ,
      resolveBinary: binaries(calls),
    });

    // Assert
    expect(warnings).toEqual([
      'nodejs18.x is deprecated in Lambda: deprecation Sep 1, 2025, block function create ' +
        `Feb 3, 2026, block function update Mar 9, 2026 (AWS, ${CN_PAGE}, read 2026-12-07). ` +
        'Used by functions OldFn, OlderFn; move to nodejs24.x. local-lambda still runs them on ' +
        'Node.js 18 (/opt/node18/bin/node).',
    ]);
    expect(calls).toEqual(['nodejs18.x']);
  });

  it('gives a runtime Lambda does not offer its own message, and says which Node.js runs it', () => {
    // Act
    const warnings = runtimeWarnings([{ logicalId: 'FutureFn', runtime: 'nodejs99.x' }], {
      now: DAY_READ,
      resolveBinary: binaries([]),
    });

    // Assert
    expect(warnings).toEqual([
      'nodejs99.x is not a runtime Lambda offers (its Node.js runtimes: nodejs24.x, nodejs22.x; ' +
        'read 2026-12-07), so deploying function FutureFn would fail. local-lambda still runs it: ' +
        'No Node.js binary for nodejs99.x.',
    ]);
  });

  it('points to the runtimes page for an old runtime whose dates it does not record', () => {
    // Act
    const [warning] = runtimeWarnings([{ logicalId: 'AncientFn', runtime: 'nodejs16.x' }], {
      now: DAY_READ,
      resolveBinary: binaries([]),
    });

    // Assert
    expect(warning).toMatch(
      /^nodejs16\.x is deprecated in Lambda \(its dates: https:\/\/docs\.aws\.amazon\.com\/lambda\/latest\/dg\/lambda-runtimes\.html; this list was read 2026-12-07\)\. Used by function AncientFn; move to nodejs24\.x\./,
    );
  });

  it('says nothing about supported runtimes, and warns about nodejs22.x once its date has come', () => {
    // Arrange
    const definitions = [
      { logicalId: 'A', runtime: 'nodejs24.x' },
      { logicalId: 'B', runtime: 'nodejs22.x' },
    ];
    const options = { resolveBinary: binaries([]) };

    // Act
    const today = runtimeWarnings(definitions, { ...options, now: DAY_READ });
    const later = runtimeWarnings(definitions, {
      ...options,
      now: new Date('2027-05-01T00:00:00Z'),
    });

    // Assert
    expect(today).toEqual([]);
    expect(later).toEqual([
      expect.stringMatching(
        /^nodejs22\.x is deprecated in Lambda: deprecation Apr 30, 2027, block function create Jun 1, 2027, block function update Jul 1, 2027 \(AWS, .*\)\. Used by function B; move to nodejs24\.x\./,
      ),
    ]);
  });
});
