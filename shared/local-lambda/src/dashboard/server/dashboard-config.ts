import { basename, dirname, relative } from 'node:path';
import type { LocalCredentials } from '../../defaults.js';
import type { LocalFunction } from '../../functions/local-function.js';
import type { LoopbackCheck } from './loopback.js';

/** What `/dashboard/config.json` tells the page: only what no public Lambda API says. */
export interface DashboardConfig {
  region: string;
  accountId: string;
  /** The local credentials for a page on a loopback address; otherwise why the page is read-only. */
  signing: { mode: 'sign'; credentials: LocalCredentials } | { mode: 'read-only'; reason: string };
  /** The template each function comes from and its REST API routes (the rest comes from ListFunctions). */
  functions: { name: string; pattern: string; template: string; routes: DashboardRestRoute[] }[];
  /** Lambda's bandwidth rule as the emulator applies it, or `null` when turned off. */
  bandwidth: { burstBytes: number; bytesPerSecond: number } | null;
  /** Largest buffered response (6,291,556 bytes). */
  maxBufferedBytes: number;
}

/** A REST API route to a function, as the function list shows it. */
export interface DashboardRestRoute {
  functionName: string;
  /** The API's logical ID. */
  api: string;
  method: string;
  /** The route's URL on the API's first stage, e.g. `http://127.0.0.1:3100/prod/report`. */
  url: string;
  transferMode: 'BUFFERED' | 'STREAM';
  /** `NONE`, `AWS_IAM`, or the authorizer that is not emulated. */
  auth: string;
}

/** What the config is built from. */
export interface DashboardSettings {
  region: string;
  accountId: string;
  credentials: LocalCredentials;
  functions: readonly LocalFunction[];
  /** Every REST API route, by function; none when omitted. */
  restRoutes?: readonly DashboardRestRoute[];
  bandwidth: DashboardConfig['bandwidth'];
  maxBufferedBytes: number;
}

/**
 * Builds the page's configuration for one request: credentials only when the loopback check
 * passed.
 *
 * @param settings - The emulator's settings.
 * @param check - The request's loopback check.
 * @returns The JSON body.
 * @example
 * ```ts
 * sendJson(res, 200, dashboardConfig(settings, checkLoopback(req)));
 * ```
 */
export function dashboardConfig(
  settings: DashboardSettings,
  check: LoopbackCheck,
): DashboardConfig {
  return {
    region: settings.region,
    accountId: settings.accountId,
    signing: check.ok
      ? { mode: 'sign', credentials: { ...settings.credentials } }
      : { mode: 'read-only', reason: check.reason },
    functions: settings.functions.map((fn) => ({
      name: fn.name,
      pattern: patternOf(fn.definition.templatePath),
      template: relative(process.cwd(), fn.definition.templatePath) || fn.definition.templatePath,
      routes: (settings.restRoutes ?? []).filter((route) => route.functionName === fn.name),
    })),
    bandwidth: settings.bandwidth,
    maxBufferedBytes: settings.maxBufferedBytes,
  };
}

/** `patterns/ttfb-write/template.yaml` → `ttfb-write`: the folder that holds the template. */
function patternOf(templatePath: string): string {
  return basename(dirname(templatePath));
}
