/**
 * Real headless Chromium for the dashboard tests: Debian's `chromium` (installed by `.ci/run`),
 * driven by playwright-core, with a fresh profile each time. Console errors and page errors are
 * collected so a test can assert there were none.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Where Debian's package puts the browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether the browser tests can run here. */
export const chromiumInstalled = existsSync(CHROMIUM);

/** In CI a missing browser is a failure, never a skip. */
export const mustRunBrowserTests = process.env.CI === 'true';

/** The switches the toolchain notes give, plus /tmp instead of a container's small /dev/shm. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** A browser with one page, and what its pages logged as errors. */
export interface OpenBrowser {
  page: Page;
  errors: string[];
  /** Another page, watched for errors too. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium (playwright adds `--headless`) on a new user-data-dir.
 *
 * @param viewport - Page size.
 * @param extraArgs - More command-line switches.
 */
export async function openBrowser(
  viewport = { width: 1440, height: 1100 },
  extraArgs: string[] = [],
): Promise<OpenBrowser> {
  if (!chromiumInstalled) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: install it with apt-get install chromium (.ci/run does)`,
    );
  }
  const profile = await mkdtemp(join(tmpdir(), 'local-lambda-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [...ARGS, ...extraArgs],
      viewport,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
    return page;
  };
  return {
    page: watch(context.pages()[0] ?? (await context.newPage())),
    errors,
    newPage: async () => watch(await context.newPage()),
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
