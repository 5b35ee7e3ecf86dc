import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadRuntimeLifecycles,
  parseAwsDate,
  runtimeStatus,
} from '../../src/functions/runtime-lifecycle.js';

const DAY_READ = new Date('2026-12-07T12:00:00Z');

describe('the Node.js runtime lifecycle data', () => {
  it('records where and when it was read, and quotes the dates as AWS writes them', () => {
    // Act
    const { read, runtimes } = loadRuntimeLifecycles();

    // Assert
    expect(read).toBe('2026-12-07');
    expect(runtimes.find((entry) => entry.runtime === 'nodejs20.x')).toEqual({
      runtime: 'nodejs20.x',
      name: 'Node.js 20',
      deprecation: 'Apr 30, 2026',
      blockFunctionCreate: 'Aug 31, 2026',
      blockFunctionUpdate: 'Sep 30, 2026',
      source: {
        title: 'Building Lambda functions with Node.js (AWS Lambda Developer Guide)',
        url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html',
        note: expect.any(String),
      },
    });
  });

  it('reads dates in the forms AWS uses, as midnight UTC', () => {
    // Act
    const dates = ['Sep 1, 2025', 'April 30, 2026'].map((text) => parseAwsDate(text).toISOString());

    // Assert
    expect(dates).toEqual(['2025-09-01T00:00:00.000Z', '2026-04-30T00:00:00.000Z']);
    expect(() => parseAwsDate('2026-04-30')).toThrow(
      '"2026-04-30" is not a date like "Apr 30, 2026"',
    );
  });

  it('judges each runtime on the day: deprecated from its deprecation date on', () => {
    // Arrange
    const lifecycles = loadRuntimeLifecycles();
    const status = (runtime: string, now: Date) => runtimeStatus(runtime, lifecycles, now).kind;

    // Act
    const onTheDayRead = [
      'nodejs24.x',
      'nodejs22.x',
      'nodejs20.x',
      'nodejs18.x',
      'nodejs16.x',
      'nodejs99.x',
    ].map((runtime) => status(runtime, DAY_READ));
    const twentyTwo = [new Date('2027-04-29T23:59:59Z'), new Date('2027-04-30T00:00:00Z')].map(
      (now) => status('nodejs22.x', now),
    );

    // Assert
    expect(onTheDayRead).toEqual([
      'supported',
      'supported',
      'deprecated',
      'deprecated',
      'deprecated',
      'unknown',
    ]);
    expect(twentyTwo).toEqual(['supported', 'deprecated']);
  });

  it('refuses a data file with a date it cannot read or a source it does not define', () => {
    // Arrange
    const dir = mkdtempSync(join(tmpdir(), 'runtime-lifecycle-'));
    const write = (name: string, runtime: object) => {
      const file = join(dir, name);
      const sources = { page: { title: 'Lambda runtimes', url: 'https://example.com/' } };
      writeFileSync(file, JSON.stringify({ read: '2026-12-07', sources, runtimes: [runtime] }));
      return file;
    };
    const entry = { runtime: 'nodejs18.x', name: 'Node.js 18', source: 'page' };

    // Act
    const badDate = () =>
      loadRuntimeLifecycles(write('date.json', { ...entry, deprecation: '1/9/25' }));
    const noSource = () =>
      loadRuntimeLifecycles(
        write('source.json', { ...entry, deprecation: 'Sep 1, 2025', source: 'x' }),
      );
    const noDate = () => loadRuntimeLifecycles(write('none.json', entry));

    // Assert
    expect(badDate).toThrow('"1/9/25" is not a date like "Apr 30, 2026"');
    expect(noSource).toThrow(/^nodejs18\.x: no source "x" in /);
    expect(noDate).toThrow('nodejs18.x: give its deprecation date, or "deprecated": true');
  });
});
