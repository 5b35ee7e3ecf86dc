import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalLambda } from '../../../src/start/start-local-lambda.js';
import type { LocalLambda } from '../../../src/start/start-options.js';
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

describe.skipIf(skip)('dashboard in headless Chromium', { timeout: 30_000 }, () => {
  let lambda: LocalLambda;
  let browser: OpenBrowser;
  let page: Page;
  const shot = (name: string) =>
    page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });

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
    ]);
    const html = page.locator('[data-function="HtmlFn"] .facts');
    expect(await html.textContent()).toContain('RESPONSE_STREAM');
    expect(await html.textContent()).toContain('AWS_IAM');
    expect(await html.locator('a').getAttribute('href')).toBe(
      lambda.functions.find((fn) => fn.name === 'HtmlFn')?.url,
    );
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
    await shot('stream-url');
  });

  it("shows the buffered side's first byte after the streamed side's last section", async () => {
    // Arrange: two warm environments, so neither side waits for a cold start.
    const { endpoint, region, credentials } = lambda;
    const client = new LambdaClient({ endpoint, region, credentials, maxAttempts: 1 });
    const warm = new InvokeCommand({ FunctionName: 'HtmlFn' });
    await Promise.all([client.send(warm), client.send(warm)]);
    client.destroy();

    // Act
    const run = await runAndWait(page, 'HtmlFn', 'compare');

    // Assert
    const streamed = run.locator('[data-side="streamed"] .html-panel');
    const buffered = run.locator('[data-side="buffered"]');
    const lastSection = await figure(streamed, 'last-section-at');
    expect(await figure(buffered, 'ttfb')).toBeGreaterThan(lastSection);
    expect(await buffered.locator('.html-panel').getAttribute('data-sections')).toBe('4');
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
    await shot('sdk-midstream-error');
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
    expect(await other.locator('article.fn').count()).toBe(4);
    expect(await other.locator('button[data-action]:not([disabled])').count()).toBe(0);
    await other.screenshot({ path: `${SCREENSHOTS}read-only.png`, fullPage: true });
    await other.close();
  });

  it('logs no console errors', () => {
    // Assert
    expect(browser.errors).toEqual([]);
  });
});
