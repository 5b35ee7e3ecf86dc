import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { StreamingHandler } from '@lambda-streaming/streaming';
import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { GUIDE_FILE_NAME } from '../src/guide-file.js';

/** The function's bundle folder: what `sam deploy` uploads and the local emulator runs. */
const bundleDir = new URL('../dist/large-pdf/', import.meta.url);
const bundleFile = new URL('handler.mjs', bundleDir);
const guideFile = new URL(GUIDE_FILE_NAME, bundleDir);

/** Fails with a clear message, instead of skipping, when the pattern has not been built. */
function assertBuilt(): void {
  for (const file of [bundleFile, guideFile]) {
    if (!existsSync(file)) {
      throw new Error(
        `${fileURLToPath(file)} is missing. Build the pattern first: ` +
          '`npm run build -w patterns/large-pdf` (turbo runs the build before `npm test`).',
      );
    }
  }
}

/**
 * The handler as deployed: imported from the built bundle, because the PDF sits next to
 * `handler.mjs` (`src/handler.ts` would look for it in `src/`).
 */
export async function loadBuiltHandler(): Promise<StreamingHandler<LambdaFunctionURLEvent>> {
  assertBuilt();
  const bundle = (await import(fileURLToPath(bundleFile))) as {
    handler: StreamingHandler<LambdaFunctionURLEvent>;
  };
  return bundle.handler;
}

/** The PDF the build wrote into the bundle folder. */
export async function readBuiltGuide(): Promise<Buffer> {
  assertBuilt();
  return readFile(guideFile);
}
