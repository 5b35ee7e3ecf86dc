import { gunzipSync } from 'node:zlib';
import {
  curl,
  type E2eTarget,
  expectArrivalOverTime,
  startE2eTarget,
} from '@lambda-streaming/pattern-tools/e2e';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readings } from '../src/readings.js';

// Client-visible tests through the function URL, with real curl: against local-lambda by
// default, against the deployed stack with `npm run test:e2e -- --target aws`.
const FUNCTION = 'TtfbPipelineFunction';
// Query parameters in sorted order: curl signs the query as written, AWS sorts it.
const COUNT = 8;
const INTERVAL_MS = 250;

describe('ttfb-pipeline through its function URL', { concurrent: true, timeout: 30_000 }, () => {
  let target: E2eTarget;
  beforeAll(async () => {
    target = await startE2eTarget(import.meta.url);
  });
  afterAll(() => target?.close());

  it('streams a gzip file that unpacks to the records, arriving over time', async () => {
    // Act
    const url = target.url(FUNCTION, `?count=${COUNT}&intervalMs=${INTERVAL_MS}`);
    const file = await curl({ url, signing: target.signing });

    // Assert
    expect(file.exitCode).toBe(0);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/gzip');
    expect(file.headers.get('content-disposition')).toBe(
      'attachment; filename="readings.ndjson.gz"',
    );
    expect(file.headers.get('x-pattern')).toBe('ttfb-pipeline');
    const lines = gunzipSync(file.body).toString().trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual([...readings(COUNT)]);
    // The records are paced 250 ms apart (1.75 s in all), each flushed through gzip: they
    // reach the client in several pieces, spread over time (AWS may hold small writes back).
    expectArrivalOverTime(target, file.chunks, (COUNT - 1) * INTERVAL_MS);
  });

  it('answers 400 with the reason before the first byte for a bad count', async () => {
    // Act
    const file = await curl({ url: target.url(FUNCTION, '?count=0'), signing: target.signing });

    // Assert
    expect(file.status).toBe(400);
    expect(file.body.toString()).toBe('count must be a whole number from 1 to 1000\n');
  });
});
