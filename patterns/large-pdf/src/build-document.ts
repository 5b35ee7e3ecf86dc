/**
 * Build step, run after `bundle-functions`: writes the field guide into the function's bundle
 * folder (dist/large-pdf/field-guide.pdf), where the handler reads it at run time.
 * Usage: `tsx src/build-document.ts` (part of `npm run build`). Exit code 1 if the bundle
 * folder is missing.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFieldGuide } from './document.js';
import { GUIDE_FILE_NAME } from './guide-file.js';

const bundleDir = new URL('../dist/large-pdf/', import.meta.url);
const target = new URL(GUIDE_FILE_NAME, bundleDir);

if (!existsSync(new URL('handler.mjs', bundleDir))) {
  console.error(`${fileURLToPath(bundleDir)}handler.mjs is missing: run bundle-functions first.`);
  process.exit(1);
}

const started = performance.now();
const bytes = await buildFieldGuide();
// Write to a temporary file, then rename: a reader never sees a half-written PDF.
const temporary = new URL(`${GUIDE_FILE_NAME}.${process.pid}.tmp`, bundleDir);
await writeFile(temporary, bytes);
await rename(temporary, target);

const sha256 = createHash('sha256').update(bytes).digest('hex');
const ms = Math.round(performance.now() - started);
const shown = relative(process.cwd(), fileURLToPath(target));
console.log(`${shown}  ${bytes.length} bytes  sha256 ${sha256}  (${ms} ms)`);
