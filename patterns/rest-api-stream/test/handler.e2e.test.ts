import {
  curl,
  type E2eTarget,
  expectArrivalOverTime,
  startE2eTarget,
} from '@lambda-streaming/pattern-tools/e2e';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINE_INTERVAL_MS, LINES } from '../src/lines.js';

// Client-visible tests through the function URL, with real curl: against local-lambda by
// default, against the deployed stack with `npm run test:e2e -- --target aws`.
const FUNCTION = 'RestApiStreamFunction';
const SUITE = { concurrent: true, timeout: 30_000 };

describe('rest-api-stream through its function URL', SUITE, () => {
  let target: E2eTarget;
  beforeAll(async () => {
    target = await startE2eTarget(import.meta.url);
  });
  afterAll(() => target?.close());

  it('streams every line with status and headers, the first long before the last', async () => {
    // Act
    const response = await curl({ url: target.url(FUNCTION), signing: target.signing });

    // Assert
    expect(response.exitCode).toBe(0);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.body.toString()).toBe(LINES.map((line) => `${line}\n`).join(''));
    // The lines leave LINE_INTERVAL_MS apart: they reach the client in several pieces, spread
    // over the stream (AWS may hold small writes back: recorded there, not asserted).
    expectArrivalOverTime(target, response.chunks, (LINES.length - 1) * LINE_INTERVAL_MS);
  });

  it('refuses an unsigned request with 403', async () => {
    // Act
    const response = await curl({ url: target.url(FUNCTION) });

    // Assert
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
  });
});
