/**
 * Makes sure `dist/runtime-client/bootstrap.js` is compiled from the current sources before the tests
 * start it (CI builds the package first; a developer running vitest directly may not have).
 * Workers of one run build once: a lock folder serialises them.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const packageRoot = fileURLToPath(new URL('../../../', import.meta.url));
const sourceDir = `${packageRoot}src/runtime-client`;
const outputDir = `${packageRoot}dist/runtime-client`;
const lockDir = `${packageRoot}dist/.runtime-build.lock`;
const tsconfig = fileURLToPath(new URL('./tsconfig.runtime-build.json', import.meta.url));
const wireEntry = `${packageRoot}../streaming/dist/wire/index.js`;
const STALE_LOCK_MS = 120_000;

/** Absolute path of the compiled entry point. */
export const bootstrapPath = `${outputDir}/bootstrap.js`;

/** Compiles the runtime when any source is newer than its output. */
export async function ensureRuntimeBuilt(): Promise<string> {
  if (!existsSync(wireEntry)) {
    throw new Error(
      'Build @lambda-streaming/streaming first: cd shared/streaming && npx tsc -p tsconfig.build.json',
    );
  }
  while (!isFresh()) {
    if (!tryLock()) {
      await sleep(100);
      continue;
    }
    try {
      if (!isFresh()) await compile();
    } finally {
      rmSync(lockDir, { recursive: true, force: true });
    }
  }
  return bootstrapPath;
}

function isFresh(): boolean {
  // The runtime client's modules sit in subfolders: every one must be compiled.
  return readdirSync(sourceDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .every((name) => {
      const output = `${outputDir}/${name.replace(/\.ts$/, '.js')}`;
      return (
        existsSync(output) && statSync(output).mtimeMs >= statSync(`${sourceDir}/${name}`).mtimeMs
      );
    });
}

function tryLock(): boolean {
  try {
    mkdirSync(`${packageRoot}dist`, { recursive: true });
    mkdirSync(lockDir);
    return true;
  } catch {
    // A lock left by a killed run must not block every later one.
    if (existsSync(lockDir) && Date.now() - statSync(lockDir).mtimeMs > STALE_LOCK_MS) {
      rmSync(lockDir, { recursive: true, force: true });
    }
    return false;
  }
}

async function compile(): Promise<void> {
  const tsc = `${packageRoot}../../node_modules/typescript/bin/tsc`;
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', tsconfig], { cwd: packageRoot });
  } catch (error) {
    const { stdout = '' } = error as { stdout?: string };
    // tsc emits despite type errors elsewhere; only a missing output is fatal.
    if (!isFresh()) throw new Error(`Compiling the runtime failed:\n${stdout}`);
  }
}
