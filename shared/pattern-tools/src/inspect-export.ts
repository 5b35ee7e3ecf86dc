import { spawn } from 'node:child_process';

/**
 * What importing a handler module in a fresh `node` process showed.
 *
 * @example
 * ```ts
 * const found: ExportInspection = await inspectExport(file, 'handler');
 * if (found.type !== 'function') console.error(found.error ?? `handler is ${found.type}`);
 * ```
 */
export interface ExportInspection {
  /** `typeof` the export (`'function'`, `'undefined'`, ...), when the import succeeded. */
  readonly type?: string;
  /** Whether `awslambda.streamifyResponse` marked the export as a streaming handler. */
  readonly streaming?: boolean;
  /** The error the import threw, or why the process gave no answer. */
  readonly error?: string;
}

const MARK = '@@inspect-export@@';

/**
 * Runs in the child. It installs the `awslambda` global the way the runtime interface client
 * does before loading user code (`src/UserFunction.js` `_loadUserApp`), so a module that calls
 * `awslambda.streamifyResponse` at load time works, and streaming handlers carry the runtime's
 * `aws.lambda.runtime.handler.streaming` marker. Nothing is invoked.
 */
const CHILD_SCRIPT = `
const STREAMING = Symbol.for('aws.lambda.runtime.handler.streaming');
const HIGH_WATER_MARK = Symbol.for('aws.lambda.runtime.handler.streaming.highWaterMark');
const [file, exportPath] = process.argv.slice(1);
const report = (result) => process.stdout.write('\\n${MARK}' + JSON.stringify(result) + '\\n', () => process.exit(0));
globalThis.awslambda = {
  streamifyResponse(handler, options) {
    handler[STREAMING] = 'response';
    if (typeof options?.highWaterMark === 'number') handler[HIGH_WATER_MARK] = options.highWaterMark;
    return handler;
  },
  HttpResponseStream: class HttpResponseStream {
    static from() { throw new Error('HttpResponseStream.from is not available while inspecting exports'); }
  },
};
try {
  const { pathToFileURL } = await import('node:url');
  const module = await import(pathToFileURL(file).href);
  const [first, ...rest] = exportPath.split('.');
  let value = first in module ? module[first] : module.default?.[first];
  for (const key of rest) value = value?.[key];
  report({ type: typeof value, streaming: typeof value === 'function' && value[STREAMING] === 'response' });
} catch (error) {
  report({ error: error instanceof Error ? error.name + ': ' + error.message : String(error) });
}
`;

function parseAnswer(stdout: string, stderr: string, code: number | null): ExportInspection {
  const line = stdout.split('\n').find((text) => text.startsWith(MARK));
  if (line !== undefined) return JSON.parse(line.slice(MARK.length)) as ExportInspection;
  const last = stderr.trim().split('\n').slice(-1)[0] ?? '';
  return { error: `node exited with code ${String(code)} without an answer ${last}`.trim() };
}

/**
 * Imports a handler module in a separate `node` process (never in the caller's, so no global
 * leaks into test runners and rebuilt files are never served from a module cache) and reports
 * the type of the named export and whether it is a streaming handler.
 *
 * @param file - Absolute path of the module (`.mjs`, `.js`, `.cjs`).
 * @param exportPath - Export to look up, e.g. `handler` (dots walk nested properties).
 * @param env - Extra environment variables for the import (the function's `Environment`).
 * @returns What the import showed.
 * @example
 * ```ts
 * await inspectExport('/repo/patterns/ttfb-write/dist/handler/handler.mjs', 'handler');
 * // { type: 'function', streaming: true }
 * ```
 */
export function inspectExport(
  file: string,
  exportPath: string,
  env: Readonly<Record<string, string>> = {},
): Promise<ExportInspection> {
  const args = ['--input-type=module', '--eval', CHILD_SCRIPT, file, exportPath];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 30_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => resolve({ error: error.message }));
    child.on('close', (code) => resolve(parseAnswer(stdout, stderr, code)));
  });
}
