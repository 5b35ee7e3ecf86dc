import {
  type CurlResult,
  curl,
  type E2eTarget,
  expectArrivalOverTime,
  OPEN_QUESTIONS,
  startE2eTarget,
} from '@lambda-streaming/pattern-tools/e2e';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSection, SECTION_WORK_MS, SECTIONS } from '../src/report.js';

// The REST API as a reader of the README calls it: real `curl --aws-sigv4` for service
// execute-api, against local-lambda by default, against the deployed stack's prod stage with
// `npm run test:e2e -- --target aws`.
const API = 'ReportApi';
const SUITE = { concurrent: true, timeout: 30_000 };
const MISSING_TOKEN = { message: 'Missing Authentication Token' };

/** The report's sections as they appear in the body, in order. */
const allSections = SECTIONS.map((_, index) => renderSection(index)).join('');

describe('rest-api-stream through API Gateway', SUITE, () => {
  let target: E2eTarget;
  let call: (path: string, options?: { signed?: boolean }) => Promise<CurlResult>;
  beforeAll(async () => {
    target = await startE2eTarget(import.meta.url);
    call = (path, { signed = true } = {}) =>
      curl({
        url: target.restApiUrl(API, path),
        ...(signed ? { signing: target.signing, service: 'execute-api' as const } : {}),
      });
  });
  afterAll(() => target?.close());

  it('streams the report on /report/stream, each section as it is ready', async () => {
    // Act
    const response = await call('report/stream');

    // Assert
    expect(response.exitCode).toBe(0);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(response.headers.get('x-pattern')).toBe('rest-api-stream');
    const body = response.body.toString();
    expect(body).toMatch(/^# Weekly operations report\n\nPrepared for arn:aws:[^\n]+\.\n/);
    expect(body.endsWith(allSections)).toBe(true);
    // One section every SECTION_WORK_MS after the title: spread over the stream, not at the end.
    expectArrivalOverTime(
      target,
      response.chunks,
      SECTIONS.length * SECTION_WORK_MS,
      OPEN_QUESTIONS.restSmallWrites,
    );
  });

  it('answers /report/buffered with the same report, all of it once the last section is ready', async () => {
    // Act
    const [streamed, buffered] = await Promise.all([
      call('report/stream'),
      call('report/buffered'),
    ]);

    // Assert
    expect(buffered.exitCode).toBe(0);
    expect(buffered.status).toBe(200);
    expect(buffered.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(buffered.body.toString()).toBe(streamed.body.toString());
    // Nothing leaves before the whole report is made (a lower bound, not a timing test).
    expect(buffered.chunks[0]?.atMs).toBeGreaterThanOrEqual(SECTIONS.length * SECTION_WORK_MS);
  });

  it.for(['report/stream', 'report/buffered'])(
    'refuses a bad ?sections on %s with 400 and a JSON message',
    async (path) => {
      // Act
      const response = await call(`${path}?sections=9`);

      // Assert
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body.toString())).toEqual({
        message: 'sections must be a whole number from 1 to 5',
      });
    },
  );

  it('stops after two sections with ?sections=2', async () => {
    // Act
    const response = await call('report/stream?sections=2');

    // Assert
    expect(response.status).toBe(200);
    expect(response.body.toString().endsWith(renderSection(0) + renderSection(1))).toBe(true);
    expect(response.body.toString()).not.toContain('## 3.');
  });

  it('refuses an unsigned request with 403 Missing Authentication Token', async () => {
    // Act
    const response = await call('report/stream', { signed: false });

    // Assert
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(JSON.parse(response.body.toString())).toEqual(MISSING_TOKEN);
  });

  it('refuses a request signed for service lambda instead of execute-api', async () => {
    // Act
    const response = await curl({
      url: target.restApiUrl(API, 'report/stream'),
      signing: target.signing,
    });

    // Assert
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
    expect(response.body.toString()).toContain(
      "Credential should be scoped to correct service: 'execute-api'.",
    );
  });

  it.for([
    ['an unknown path', 'report/nothing'],
    ['a method the route does not have', 'report/stream -X POST'],
    ['a stage that does not exist (SAM creates no "Stage" stage here)', '../Stage/report/stream'],
  ])('answers %s with 403 Missing Authentication Token', async ([, request = '']) => {
    // Arrange
    const [path = '', ...args] = request.split(' ');

    // Act
    const response = await curl({
      url: target.restApiUrl(API, path),
      signing: target.signing,
      service: 'execute-api',
      args,
    });

    // Assert
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body.toString())).toEqual(MISSING_TOKEN);
  });
});
