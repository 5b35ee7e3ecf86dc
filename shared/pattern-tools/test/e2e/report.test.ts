import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { functionFromOutputs, restApiFromOutputs } from '../../src/e2e/aws-backend.js';
import { readCurlOutput } from '../../src/e2e/curl-output.js';
import {
  mergeObservations,
  OBSERVATIONS_REPORT,
  ObservationLog,
} from '../../src/e2e/observations.js';

describe('e2e observations and parsing', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'e2e-report-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('merges every test file observations into one report, differences first', async () => {
    // Arrange
    const context = { pattern: 'sdk-invoke', stack: 'sdk-invoke', region: 'eu-west-1' };
    const first = new ObservationLog({ ...context, testFile: 'a.e2e.test.ts' });
    first.record('same', 18, 18);
    const second = new ObservationLog({ ...context, testFile: 'b.e2e.test.ts' });
    second.record('different', { curlExit: 0 }, { curlExit: 18 }, { body: 'x' });
    await first.write(root);
    await second.write(root);

    // Act
    const report = await mergeObservations(root);

    // Assert
    expect(report).toBe(join(root, OBSERVATIONS_REPORT));
    const { observations } = JSON.parse(await readFile(report ?? '', 'utf8'));
    expect(observations).toMatchObject([
      {
        question: 'different',
        sameAsLocal: false,
        details: { body: 'x' },
        testFile: 'b.e2e.test.ts',
      },
      { question: 'same', sameAsLocal: true, region: 'eu-west-1', testFile: 'a.e2e.test.ts' },
    ]);
  });

  it('writes no report when nothing was observed', async () => {
    // Act
    const report = await mergeObservations(root);

    // Assert
    expect(report).toBeUndefined();
  });

  it('finds a function name and URL in the stack outputs, and names what is missing', () => {
    // Arrange
    const outputs = [
      { OutputKey: 'FnName', OutputValue: 'stack-Fn-1A2B' },
      { OutputKey: 'FnUrl', OutputValue: 'https://abc.lambda-url.eu-west-1.on.aws/' },
    ];

    // Act
    const fn = functionFromOutputs(outputs, 'Fn', 'stack');

    // Assert
    expect(fn).toEqual({
      logicalId: 'Fn',
      name: 'stack-Fn-1A2B',
      url: 'https://abc.lambda-url.eu-west-1.on.aws/',
    });
    expect(() => functionFromOutputs(outputs, 'Other', 'stack')).toThrow('FnName, FnUrl');
  });

  it('finds a REST API stage URL in the stack outputs, and names what is missing', () => {
    // Arrange
    const stageUrl = 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod';
    const outputs = [{ OutputKey: 'ReportApiUrl', OutputValue: `${stageUrl}/` }];

    // Act
    const api = restApiFromOutputs(outputs, 'ReportApi', 'stack');

    // Assert
    expect(api).toEqual({ logicalId: 'ReportApi', url: stageUrl });
    expect(() => restApiFromOutputs(outputs, 'OtherApi', 'stack')).toThrow(
      'Stack stack has no REST API OtherApi (output OtherApiUrl) (it has: ReportApiUrl).',
    );
  });

  it('reads curl -i output past interim responses and times each piece of body', async () => {
    // Arrange
    const stdout = new PassThrough();
    let firstChunks = 0;
    const output = readCurlOutput(stdout, performance.now(), () => firstChunks++);

    // Act
    stdout.write('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nx-a: 1\r\n');
    stdout.write('Set-Cookie: a=1\r\nSet-Cookie: b=2\r\n\r\nfirst');
    stdout.write('second');
    stdout.end();
    await new Promise((resolve) => stdout.on('end', resolve));

    // Assert
    const result = output.result();
    expect(result.status).toBe(200);
    expect(result.headers.get('x-a')).toBe('1');
    expect(result.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(result.body.toString()).toBe('firstsecond');
    expect(result.chunks.map((chunk) => chunk.bytes)).toEqual([5, 6]);
    expect(firstChunks).toBe(1);
  });
});
