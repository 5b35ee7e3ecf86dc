import {
  arrivalSpreadMs,
  curl,
  type E2eTarget,
  OPEN_QUESTIONS,
  startE2eTarget,
} from '@lambda-streaming/pattern-tools/e2e';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageParts } from '../src/page.js';

// Client-visible tests through the function URL, with real curl: against local-lambda by
// default, against the deployed stack with `npm run test:e2e -- --target aws`.
const FUNCTION = 'TtfbWriteFunction';

async function collect(parts: AsyncIterable<string>): Promise<string> {
  let html = '';
  for await (const part of parts) html += part;
  return html;
}

// The page as the handler writes it. Its text names the real one-second pace, so building it
// takes 4 s, in parallel with the requests.
const plainPage = collect(pageParts({ pad: false }));
const paddedPage = collect(pageParts({ pad: true }));
// Compared without the ~100 KB padding comments, so that a failure shows a readable diff.
const withoutPadding = (html: string) => html.replace(/<!--\s*-->\n/g, '');

describe('ttfb-write through its function URL', { concurrent: true, timeout: 30_000 }, () => {
  let target: E2eTarget;
  beforeAll(async () => {
    target = await startE2eTarget(import.meta.url);
  });
  afterAll(() => target?.close());

  it('streams the page with its status and headers, the first part long before the last', async () => {
    // Act: ?pad=1 pads the early parts, so that AWS flushes each one at once too.
    const page = await curl({ url: target.url(FUNCTION, '?pad=1'), signing: target.signing });

    // Assert
    expect(page.exitCode).toBe(0);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-pattern')).toBe('ttfb-write');
    expect(withoutPadding(page.body.toString())).toBe(await plainPage);
    expect(page.body.length).toBe(Buffer.byteLength(await paddedPage));
    // The page takes about 4 s to write: its first bytes arrive while the handler still runs.
    expect(arrivalSpreadMs(page.chunks)).toBeGreaterThan(2000);
  });

  it('sends the page without padding when asked', async () => {
    // Act
    const page = await curl({ url: target.url(FUNCTION, '?pad=0'), signing: target.signing });

    // Assert
    expect(page.status).toBe(200);
    expect(page.body.toString()).toBe(await plainPage);
  });

  it('answers 400 before the first byte when pad is neither 1 nor 0', async () => {
    // Act
    const page = await curl({ url: target.url(FUNCTION, '?pad=yes'), signing: target.signing });

    // Assert
    expect(page.status).toBe(400);
    expect(page.body.toString()).toBe('pad must be 1 or 0\n');
  });

  it('refuses an unsigned request with 403', async () => {
    // Act
    const page = await curl({ url: target.url(FUNCTION) });

    // Assert
    expect(page.status).toBe(403);
    expect(page.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
  });

  it('refuses a request signed with the wrong secret with 403', async () => {
    // Arrange
    const { region, credentials } = target.signing;
    const signing = { region, credentials: { ...credentials, secretAccessKey: 'not-the-secret' } };

    // Act
    const page = await curl({ url: target.url(FUNCTION), signing });

    // Assert
    expect(page.status).toBe(403);
    target.unconfirmed(
      OPEN_QUESTIONS.urlBadSignature,
      page.headers.get('x-amzn-errortype'),
      'InvalidSignatureException',
    );
  });

  it('serves the whole page after a client disconnected mid-stream', async () => {
    // Act
    const url = target.url(FUNCTION, '?pad=1');
    const dropped = await curl({ url, signing: target.signing, disconnectAfterFirstChunk: true });
    const page = await curl({ url, signing: target.signing });

    // Assert
    expect(dropped.status).toBe(200);
    expect(dropped.body.length).toBeLessThan(page.body.length);
    expect(page.exitCode).toBe(0);
    expect(withoutPadding(page.body.toString())).toBe(await plainPage);
  });
});
