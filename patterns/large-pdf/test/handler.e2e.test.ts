import { createHash } from 'node:crypto';
import { curl, type E2eTarget, startE2eTarget } from '@lambda-streaming/pattern-tools/e2e';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOWNLOAD_FILE_NAME } from '../src/guide-file.js';
import { readBuiltGuide } from './built-guide.js';

// Client-visible tests through the function URL, with real curl: against local-lambda by
// default, against the deployed stack with `npm run test:e2e -- --target aws`.
const FUNCTION = 'LargePdfFunction';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('large-pdf through its function URL', { timeout: 60_000 }, () => {
  let target: E2eTarget;
  beforeAll(async () => {
    target = await startE2eTarget(import.meta.url);
  });
  afterAll(() => target?.close());

  it('streams the built PDF byte for byte, past the 6 MB buffered limit', async () => {
    // Arrange
    const built = await readBuiltGuide();

    // Act
    const pdf = await curl({ url: target.url(FUNCTION), signing: target.signing });

    // Assert
    expect(pdf.exitCode).toBe(0);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(
      `attachment; filename="${DOWNLOAD_FILE_NAME}"`,
    );
    expect(pdf.body.length).toBe(built.length);
    expect(sha256(pdf.body)).toBe(sha256(built));
  });
});
