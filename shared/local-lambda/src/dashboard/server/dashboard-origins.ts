/**
 * The origins the dashboard page can have: the API endpoint as printed, and the same port under
 * the other loopback names a person may type (`localhost`, `127.0.0.1`, `[::1]`).
 *
 * @param endpoint - The Lambda API endpoint, e.g. `http://127.0.0.1:3000`.
 * @returns Exact origins, for the function URLs' emulator-only CORS exception.
 * @example
 * ```ts
 * dashboardOrigins('http://127.0.0.1:3000');
 * // ['http://127.0.0.1:3000', 'http://localhost:3000', 'http://[::1]:3000']
 * ```
 */
export function dashboardOrigins(endpoint: string): string[] {
  const url = new URL(endpoint);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'];
  if (!loopback.includes(url.hostname)) return [url.origin];
  return [url.origin, ...loopback.map((name) => `http://${name}:${url.port}`)].filter(
    (origin, index, all) => all.indexOf(origin) === index,
  );
}
