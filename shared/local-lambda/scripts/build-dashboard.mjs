#!/usr/bin/env node
// Builds the dashboard page into dist/dashboard/public/: src/dashboard/browser/main.ts bundled by esbuild
// for the browser (the SigV4 signer and the event-stream codec included), plus the static files.
// Usage: node scripts/build-dashboard.mjs (run by `npm run build`)   Exit code: 1 when it fails.
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(root, 'dist/dashboard/public');

await mkdir(out, { recursive: true });
await build({
  entryPoints: [join(root, 'src/dashboard/browser/main.ts')],
  outfile: join(out, 'app.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  // DecompressionStream and ReadableStream readers: browsers from 2023 on.
  target: ['chrome116', 'firefox115', 'safari16.4'],
  minify: true,
  sourcemap: 'linked',
  legalComments: 'eof',
  logLevel: 'warning',
});
const staticDir = join(root, 'src/dashboard/browser/static');
for (const name of await readdir(staticDir)) await copyFile(join(staticDir, name), join(out, name));
