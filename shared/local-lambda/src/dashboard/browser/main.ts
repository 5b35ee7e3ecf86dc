/**
 * The local-lambda dashboard: lists the functions through the Lambda API, runs them through
 * their public endpoints (function URLs and the Lambda API, signed with SigV4 like any client),
 * draws every response as it arrives, and shows the log live.
 */

import { signedCurlCommand } from './aws/curl-command.js';
import { createLambdaApi } from './aws/lambda-api.js';
import { createSignedFetch } from './aws/signer.js';
import { type DashboardConfig, type DashboardFunction, loadConfig } from './config.js';
import { byId, el, mark } from './dom.js';
import { runCompare } from './runs/compare-run.js';
import { ReportWatch } from './runs/report-watch.js';
import type { RunContext } from './runs/run-context.js';
import { runInvoke, runSdkStream } from './runs/sdk-run.js';
import { runUrl } from './runs/url-run.js';
import { type Action, renderFunctions } from './views/function-list.js';
import { showIntro } from './views/intro.js';
import { connectLogs } from './views/log-panel.js';

async function boot(): Promise<void> {
  const config = await loadConfig();
  const stage = byId('stage');
  const context: RunContext = { config, stage };
  byId('meta').textContent =
    `API ${location.origin} · ${config.region} · account ${config.accountId}`;
  const functions = await loadFunctions(context);
  let current: AbortController | undefined;
  const credentials = config.signing.mode === 'sign' ? config.signing.credentials : undefined;
  renderFunctions(byId('functions'), functions, {
    canSign: context.signed !== undefined,
    curlFor: (url) => signedCurlCommand(url, config.region, credentials),
    onRun: (action, fn, path) => {
      // A new run replaces the one on the stage: its requests are cancelled.
      current?.abort();
      current = new AbortController();
      return run({ ...context, signal: current.signal }, action, fn, path);
    },
  });
  showIntro(stage, config);
  document.body.dataset.ready = 'true';
}

/** Through the Lambda API when the page may sign; read-only, the names from the config. */
async function loadFunctions(context: RunContext): Promise<DashboardFunction[]> {
  const { config } = context;
  if (config.signing.mode === 'read-only') {
    showMode('read-only', 'read-only');
    showReadOnly(config.signing.reason);
    return withRoutes(
      config.functions.map((fn) => ({ name: fn.name, pattern: fn.pattern })),
      config,
    );
  }
  context.signed = createSignedFetch(config.signing.credentials, config.region);
  context.api = createLambdaApi(location.origin, context.signed);
  const functions = await context.api.functions(patternsOf(config));
  showMode('signing with the local credentials (SigV4)', 'sign');
  withRoutes(functions, config);
  const reports = new ReportWatch();
  context.reports = reports;
  connectLogs(
    logParts(),
    functions.map((fn) => fn.name),
    (entry) => reports.push(entry),
  );
  return functions;
}

async function run(context: RunContext, action: Action, fn: DashboardFunction, path: string) {
  try {
    if (action === 'url') await runUrl(context, fn, path);
    else if (action === 'compare') await runCompare(context, fn, path);
    else if (action === 'sdk') await runSdkStream(context, fn);
    else await runInvoke(context, fn);
  } catch (error) {
    if (context.signal?.aborted) return;
    const failed = el('p', {
      class: 'notice-line error',
      text: `The run failed: ${describe(error)}`,
    });
    context.stage.append(failed);
    const current = context.stage.querySelector<HTMLElement>('.run');
    if (current) mark(current, 'state', 'failed');
    const status = context.stage.querySelector<HTMLElement>('.run-status');
    if (status) {
      status.textContent = failed.textContent;
      status.dataset.tone = 'error';
    }
  }
}

/** Adds each function's REST API routes from the config (the Lambda API does not list them). */
function withRoutes(functions: DashboardFunction[], config: DashboardConfig): DashboardFunction[] {
  for (const fn of functions) {
    const routes = config.functions.find((item) => item.name === fn.name)?.routes ?? [];
    if (routes.length > 0) fn.routes = routes;
  }
  return functions;
}

function patternsOf(config: DashboardConfig): Map<string, string> {
  return new Map(config.functions.map((fn) => [fn.name, fn.pattern]));
}

function showMode(text: string, mode: string): void {
  const badge = byId('mode');
  badge.textContent = text;
  badge.dataset.mode = mode;
}

function showReadOnly(reason: string): void {
  const notice = byId('notice');
  notice.hidden = false;
  notice.textContent = `Read-only: ${reason}, so this page received no credentials and cannot sign requests or read the log. Open it on the machine that runs local-lambda, at http://127.0.0.1:${location.port}/.`;
  byId('logs-state').textContent = 'off (read-only)';
}

function logParts() {
  return {
    lines: byId('log-lines'),
    state: byId('logs-state'),
    filter: byId<HTMLSelectElement>('logs-filter'),
    clear: byId<HTMLButtonElement>('logs-clear'),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

boot().catch((error: unknown) => {
  const notice = byId('notice');
  notice.hidden = false;
  notice.classList.add('error');
  notice.textContent = `The dashboard could not start: ${describe(error)}`;
});
