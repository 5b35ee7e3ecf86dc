import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalLambda } from '../../../src/start/start-local-lambda.js';
import type { LocalLambda } from '../../../src/start/start-options.js';
import { runProcess } from '../../fixtures/frontend/run-process.js';
import {
  CHROMIUM,
  chromiumInstalled,
  mustRunBrowserTests,
  type OpenBrowser,
  openBrowser,
} from './browser.js';

const TEMPLATE = fileURLToPath(new URL('../../fixtures/dashboard/template.yaml', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../../../test-results/dashboard/', import.meta.url));
const RUN_TIMEOUT = 20_000;
const OTHER_HOST = 'dashboard.example';

const skip = !chromiumInstalled && !mustRunBrowserTests;
if (skip) {
  console.warn(
    `SKIPPED the dashboard browser tests: Chromium is not installed at ${CHROMIUM} (apt-get install chromium). With CI=true they fail instead.`,
  );
}

/** Clicks a function's button and waits for the run to finish. */
async function runAndWait(page: Page, fn: string, action: string): Promise<Locator> {
  await page.click(`[data-function="${fn}"] [data-action="${action}"]`);
  const run = page.locator(`.run[data-run]:not([data-state="running"])`);
  await run.waitFor({ timeout: RUN_TIMEOUT });
  return run;
}

/** A figure the page recorded from its own clock, as a number. */
async function figure(locator: Locator, name: string): Promise<number> {
  const value = await locator.getAttribute(`data-${name}`);
  if (value === null) throw new Error(`data-${name} is missing`);
  return Number(value);
}

/** Whether an element lies wholly inside the viewport (seen without scrolling). */
async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox(); // relative to the viewport
  const height = page.viewportSize()?.height ?? 0;
  return box !== null && box.height > 0 && box.y >= 0 && box.y + box.height <= height;
}

/** Sizes shown in the run in a unit other than the page's binary one (KB, MB). */
async function decimalSizes(run: Locator): Promise<string[]> {
  const texts = await run.locator('.figures, .panel, .chart').allTextContents();
  return texts.flatMap((text) => text.match(/\d\s*[kKM]B\b/g) ?? []);
}

describe.skipIf(skip)('dashboard in headless Chromium', { timeout: 30_000 }, () => {
  let lambda: LocalLambda;
  let browser: OpenBrowser;
  let page: Page;
  const shot = (name: string) =>
    page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
  const urlOf = (name: string) => lambda.functions.find((fn) => fn.name === name)?.url;

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    lambda = await startLocalLambda({ templates: [TEMPLATE], port: 0, logger: () => {} });
    // A name that resolves to 127.0.0.1 but is not a loopback name: the read-only case.
    browser = await openBrowser(undefined, [`--host-resolver-rules=MAP ${OTHER_HOST} 127.0.0.1`]);
    page = browser.page;
    await page.goto(`${lambda.endpoint}/`);
    await page.locator('body[data-ready="true"]').waitFor({ timeout: RUN_TIMEOUT });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await lambda?.close();
  });

  it('lists every function with its invoke mode, auth type and URL', async () => {
    // Act
    const cards = page.locator('article.fn');

    // Assert
    expect(await cards.locator('h3').allTextContents()).toEqual([
      'HtmlFn',
      'RecordsFn',
      'LargeFn',
      'MidstreamFn',
      'StatusFn',
    ]);
    const html = page.locator('[data-function="HtmlFn"] .facts');
    expect(await html.textContent()).toContain('RESPONSE_STREAM');
    expect(await html.textContent()).toContain('AWS_IAM');
    // An AWS_IAM URL is no link (opened, it would be an unsigned GET: a 403).
    expect(await html.locator('a').count()).toBe(0);
    expect(await html.locator('code.url').textContent()).toBe(urlOf('HtmlFn'));
    const plain = page.locator('[data-function="StatusFn"] .facts a');
    expect(await plain.getAttribute('href')).toBe(urlOf('StatusFn'));
    await shot('functions');
  });

  it('paints the first section of a streamed page before the function has finished', async () => {
    // Act
    const run = await runAndWait(page, 'HtmlFn', 'url');

    // Assert
    const side = run.locator('[data-side="streamed"]');
    const painted = await figure(side.locator('.html-panel'), 'first-section-painted');
    expect(painted).toBeLessThan(await figure(side, 'ttlb'));
    expect(await run.locator('circle.mark').count()).toBeGreaterThan(1);
    expect(await side.getAttribute('data-error')).toBeNull();
    // Its first run: a cold start, said with its Init Duration.
    expect(await side.getAttribute('data-start')).toMatch(/^cold · Init [\d.]+ m?s$/);
    expect(await side.locator('.notice-line').allTextContents()).toContainEqual(
      expect.stringContaining('Init Duration'),
    );
    const status = run.locator('.run-status');
    expect(await status.getAttribute('data-tone')).toBe('ok');
    expect(await status.textContent()).toMatch(/^200 · first byte [\d.]+ m?s · last byte /);
    const note = (await side.locator('[data-explains="ttfb"]').textContent()) ?? '';
    expect(note).toContain('SigV4');
    expect(note).toContain('CORS preflight');
    await shot('stream-url');
  });

  it('gives an AWS_IAM URL a signed curl command that streams the response', async () => {
    // Arrange
    const card = page.locator('[data-function="HtmlFn"]');
    await card.locator('details.curl summary').click();
    const command = (await card.locator('.curl-command').textContent()) ?? '';

    // Act
    const result = await runProcess('sh', ['-c', `${command} -w '\n%{http_code}'`]);

    // Assert
    expect(command).toContain(`--aws-sigv4 "aws:amz:${lambda.region}:lambda"`);
    expect(result.code).toBe(0);
    expect(result.stdout.toString()).toContain('<section');
    expect(result.stdout.toString().trim().endsWith('200')).toBe(true);
  });

  it("compares on warm environments: the buffered side's first byte after the streamed side's last section", async () => {
    // Act: no warm-up by the test; the page makes the comparison fair itself.
    const run = await runAndWait(page, 'HtmlFn', 'compare');

    // Assert
    const streamed = run.locator('[data-side="streamed"]');
    const buffered = run.locator('[data-side="buffered"]');
    const lastSection = await figure(streamed.locator('.html-panel'), 'last-section-at');
    expect(await figure(buffered, 'ttfb')).toBeGreaterThan(lastSection);
    expect(await buffered.locator('.html-panel').getAttribute('data-sections')).toBe('4');
    expect(await run.getAttribute('data-warm-up')).toBe('ran');
    expect(await streamed.getAttribute('data-start')).toBe('warm');
    expect(await buffered.getAttribute('data-start')).toBe('warm');
    expect(await run.locator('[data-note="fair"]').textContent()).toContain(
      'both sides start on warm execution environments',
    );
    expect(await run.locator('.run-status').getAttribute('data-tone')).toBe('ok');
    for (const side of [streamed, buffered]) {
      expect(await side.locator('[data-explains="ttfb"]').textContent()).toContain('preflight');
    }
    await shot('compare');
  });

  it('decompresses gzip records in the page as they arrive', async () => {
    // Act
    const run = await runAndWait(page, 'RecordsFn', 'url');

    // Assert
    const side = run.locator('[data-side="streamed"]');
    const panel = side.locator('.gzip-panel');
    expect(await panel.getAttribute('data-records')).toBe('6');
    expect(await figure(panel, 'first-record-at')).toBeLessThan(await figure(side, 'ttlb'));
    await shot('gzip');
  });

  it('marks the 6 MiB burst on the progress of a large download', async () => {
    // Act
    const run = await runAndWait(page, 'LargeFn', 'url');

    // Assert
    const panel = run.locator('.progress-panel');
    expect(await panel.getAttribute('data-total')).toBe(String(7 * 1024 * 1024));
    expect(await panel.getAttribute('data-burst-at')).not.toBeNull();
    expect(await panel.locator('.bar-burst').textContent()).toBe('6 MiB');
    expect(await run.locator('.chart .guide text').textContent()).toContain('6 MiB burst');
    // One unit for sizes, and the page says which.
    expect(await decimalSizes(run)).toEqual([]);
    expect(await run.locator('.units-note').textContent()).toContain('1 MiB = 1,048,576 bytes');
    await shot('large');
  });

  it('shows each PayloadChunk, then the ErrorCode of a midstream error', async () => {
    // Act
    const run = await runAndWait(page, 'MidstreamFn', 'sdk');

    // Assert
    const panel = run.locator('.events-panel');
    expect(await panel.getAttribute('data-payload-chunks')).toBe('4');
    const complete = panel.locator('.invoke-complete');
    expect(await complete.getAttribute('data-error-code')).toBe('Error');
    expect(await complete.textContent()).toContain('This is a custom error mid-stream!');
    const status = run.locator('.run-status');
    expect(await status.getAttribute('data-tone')).toBe('error');
    expect(await status.textContent()).toContain('ErrorCode Error: This is a custom error');
    expect(await inViewport(page, status)).toBe(true);
    await shot('sdk-midstream-error');
  });

  it('shows a successful InvokeComplete at the top of the run, in view', async () => {
    // Act
    const run = await runAndWait(page, 'RecordsFn', 'sdk');

    // Assert
    expect(await run.locator('.invoke-complete.succeeded').count()).toBe(1);
    const status = run.locator('.run-status');
    expect(await status.getAttribute('data-tone')).toBe('ok');
    expect(await status.textContent()).toMatch(/^InvokeComplete at .+: succeeded \(no ErrorCode\)/);
    expect(await inViewport(page, status)).toBe(true);
  });

  it('styles a 5xx status as an error', async () => {
    // Arrange
    await page.fill('[data-function="StatusFn"] .path input', '/?status=503');
    const errorsBefore = browser.errors.length;

    // Act
    const run = await runAndWait(page, 'StatusFn', 'url');

    // Assert
    const side = run.locator('[data-side="streamed"]');
    const status = side.locator('[data-figure="status"]');
    expect(await status.textContent()).toContain('503');
    expect(await status.getAttribute('data-tone')).toBe('error');
    expect(await run.locator('.run-status').getAttribute('data-tone')).toBe('error');
    expect(await side.locator('[data-explains="ttfb"]').textContent()).toContain(
      'no CORS preflight',
    );
    // Chromium reports the 503 on its console; that one is expected, and taken out.
    expect(browser.errors.splice(errorsBefore)).toEqual([
      'console: Failed to load resource: the server responded with a status of 503 (Service Unavailable)',
    ]);
    await shot('status-503');
  });

  it('shows the START, END and REPORT lines and the function output live', async () => {
    // Act
    const lines = page.locator('.log-line[data-function="MidstreamFn"] .message');
    await page.locator('.log-line.report[data-function="MidstreamFn"]').waitFor();

    // Assert
    const messages = await lines.allTextContents();
    expect(messages[0]).toMatch(/^START RequestId: /);
    expect(messages.some((text) => text.includes('Invoke Error'))).toBe(true);
    expect(messages.some((text) => text.startsWith('END RequestId: '))).toBe(true);
  });

  it('stays read-only, and says why, when opened through a name other than loopback', async () => {
    // Arrange
    const other = await browser.newPage();

    // Act
    await other.goto(lambda.endpoint.replace('127.0.0.1', OTHER_HOST));
    await other.locator('body[data-ready="true"]').waitFor({ timeout: RUN_TIMEOUT });

    // Assert
    expect(await other.locator('#notice').textContent()).toContain(
      `Read-only: the page was opened as ${OTHER_HOST}:`,
    );
    expect(await other.locator('article.fn').count()).toBe(5);
    expect(await other.locator('button[data-action]:not([disabled])').count()).toBe(0);
    await other.screenshot({ path: `${SCREENSHOTS}read-only.png`, fullPage: true });
    await other.close();
  });

  it('logs no console errors', () => {
    // Assert
    expect(browser.errors, browser.errors.join('\n')).toEqual([]);
  });
});
