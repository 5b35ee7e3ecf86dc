#!/usr/bin/env tsx
// Takes the README's dashboard screenshot (docs/dashboard.png): serves the four patterns on the
// default ports, runs the ttfb-write comparison in headless Chromium and saves the page while it
// streams (two sections in, the buffered side still empty).
// Usage: npm run build && npm run docs:screenshot -w @lambda-streaming/local-lambda
// Exit code: 1 on any failure (patterns not built, Chromium missing, a port taken: stop npm start).
import { fileURLToPath } from 'node:url';
import { startLocalLambda } from '../src/start/start-local-lambda.js';
import { openBrowser } from '../test/dashboard/browser/browser.js';

const PATTERNS = ['ttfb-write', 'ttfb-pipeline', 'large-pdf', 'sdk-invoke'];
const root = new URL('../../../', import.meta.url);
const templates = PATTERNS.map((name) =>
  fileURLToPath(new URL(`patterns/${name}/template.yaml`, root)),
);
const output = fileURLToPath(new URL('../docs/dashboard.png', import.meta.url));

const lambda = await startLocalLambda({ templates, logger: () => {} });
const browser = await openBrowser({ width: 1400, height: 900 });
try {
  // No warm-up here: the page warms the function before its comparison, as any user sees it.
  const { page } = browser;
  await page.goto(`${lambda.endpoint}/`);
  await page.locator('body[data-ready="true"]').waitFor();
  // The whole page in one viewport: a full-page capture would re-lay it out mid-run.
  const height = await page.evaluate<number>('document.documentElement.scrollHeight');
  await page.setViewportSize({ width: 1400, height });
  // A midstream error first, so the log shows more than one function.
  await page.click('[data-function="MidstreamErrorFunction"] [data-action="sdk"]');
  await page.locator('.run[data-state="done"]').waitFor({ timeout: 30_000 });
  await page.click('[data-function="TtfbWriteFunction"] [data-action="compare"]');
  const streamed = page.locator('[data-side="streamed"] .html-panel[data-sections="2"]');
  await streamed.waitFor({ timeout: 30_000 });
  await page.waitForTimeout(250); // the section's arrival animation ends; the next is 1 s away
  await page.screenshot({ path: output });
  await page.locator('.run[data-state="done"]').waitFor({ timeout: 30_000 });
  if (browser.errors.length > 0) throw new Error(`console errors: ${browser.errors.join('; ')}`);
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
  await lambda.close();
}
