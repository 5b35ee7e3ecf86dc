/** What `/dashboard/config.json` says (the server's `DashboardConfig`). */
export interface DashboardConfig {
  region: string;
  accountId: string;
  signing: { mode: 'sign'; credentials: Credentials } | { mode: 'read-only'; reason: string };
  functions: { name: string; pattern: string; template: string; routes?: RestRoute[] }[];
  bandwidth: { burstBytes: number; bytesPerSecond: number } | null;
  maxBufferedBytes: number;
}

/** A REST API route to a function (the server's `DashboardRestRoute`). */
export interface RestRoute {
  api: string;
  method: string;
  url: string;
  transferMode: 'BUFFERED' | 'STREAM';
  auth: string;
}

/** The local credentials, as the emulator checks them. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** A function as the list shows it: ListFunctions and ListFunctionUrlConfigs, plus its pattern. */
export interface DashboardFunction {
  name: string;
  pattern: string;
  description?: string;
  url?: { url: string; authType: 'AWS_IAM' | 'NONE'; invokeMode: 'BUFFERED' | 'RESPONSE_STREAM' };
  /** Its REST API routes, from the config. */
  routes?: RestRoute[];
}

/**
 * @returns The page's configuration from the emulator that served it.
 * @example
 * ```ts
 * const config = await loadConfig();
 * ```
 */
export async function loadConfig(): Promise<DashboardConfig> {
  const response = await fetch('/dashboard/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return (await response.json()) as DashboardConfig;
}
