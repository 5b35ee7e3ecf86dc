import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';

/** Where the build puts the page (`scripts/build-dashboard.mjs`), from `src/` and `dist/` alike. */
export const ASSET_DIR = fileURLToPath(new URL('../../../dist/dashboard/public/', import.meta.url));

/** The files the page is made of, by request path. Nothing else is served from the folder. */
export const ASSETS: Readonly<Record<string, { file: string; type: string }>> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/dashboard/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/dashboard/app.js.map': { file: 'app.js.map', type: 'application/json' },
  '/dashboard/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
  '/dashboard/favicon.svg': { file: 'favicon.svg', type: 'image/svg+xml' },
};

/**
 * The page's Content-Security-Policy: its own files only, no inline script. Inline styles are
 * allowed because the HTML a function streams into the preview panel inherits this policy and
 * usually carries a `<style>`; the panel is a sandbox without scripts. `connect-src` lists the
 * loopback hosts, where the function URLs listen.
 */
const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' http://127.0.0.1:* http://localhost:*",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Sends one file of the page, read at each request so a rebuild shows without a restart. When
 * the page was never built, a short HTML note says how to build it (503).
 *
 * @param res - The response.
 * @param asset - An entry of {@link ASSETS}.
 * @param head - `true` for a HEAD request.
 * @example
 * ```ts
 * const asset = ASSETS[pathname];
 * if (asset) await sendAsset(res, asset, req.method === 'HEAD');
 * ```
 */
export async function sendAsset(
  res: ServerResponse,
  asset: { file: string; type: string },
  head: boolean,
): Promise<void> {
  let body: Buffer;
  try {
    body = await readFile(`${ASSET_DIR}${asset.file}`);
  } catch {
    return sendNotBuilt(res);
  }
  res.writeHead(200, {
    'Content-Type': asset.type,
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...(asset.file === 'index.html' ? { 'Content-Security-Policy': PAGE_POLICY } : {}),
  });
  res.end(head ? undefined : body);
}

function sendNotBuilt(res: ServerResponse): void {
  const body = Buffer.from(
    '<!doctype html><title>local-lambda</title><p>The dashboard is not built. Run ' +
      '<code>npm run build -w @lambda-streaming/local-lambda</code> and reload.</p>\n',
  );
  res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
}
