/**
 * A function URL call as a user makes it: real `curl --aws-sigv4`, spawned, with everything it
 * reports: status, headers, body bytes, and its exit code and message, which tell how the
 * response ended (0: complete; 18: cut before the terminating chunk).
 */
import { spawn } from 'node:child_process';
import { type BodyView, bodyView } from './body-view.js';
import type { Target } from './targets.js';

/** What curl saw. */
export interface UrlObservation {
  status: number;
  /** Lowercased names, sorted; repeated headers keep their order. */
  headers: Record<string, string[]>;
  body: BodyView;
  curlExitCode: number | null;
  curlError: string;
}

function runCurl(args: string[]): Promise<{ code: number | null; out: Buffer; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('curl', args);
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out: Buffer.concat(out), err }));
  });
}

function parseHead(head: string): Pick<UrlObservation, 'status' | 'headers'> {
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string[]> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    headers[name] = [...(headers[name] ?? []), line.slice(colon + 1).trim()];
  }
  const sorted = Object.fromEntries(Object.entries(headers).sort(([a], [b]) => a.localeCompare(b)));
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers: sorted };
}

/**
 * Calls a function's URL with `curl -sS -i --aws-sigv4`.
 *
 * @param target - The emulator.
 * @param functionName - The function whose URL to call.
 * @returns What curl observed.
 * @example
 * ```ts
 * const { status, body, curlExitCode } = await observeUrl(target, 'ThrowLateFn');
 * ```
 */
export async function observeUrl(target: Target, functionName: string): Promise<UrlObservation> {
  const { accessKeyId, secretAccessKey } = target.lambda.credentials;
  const { code, out, err } = await runCurl([
    '-sS',
    '-i',
    '--aws-sigv4',
    `aws:amz:${target.lambda.region}:lambda`,
    '--user',
    `${accessKeyId}:${secretAccessKey}`,
    target.urlOf(functionName),
  ]);
  const end = out.indexOf('\r\n\r\n');
  const head = end === -1 ? out.toString('latin1') : out.subarray(0, end).toString('latin1');
  const body = end === -1 ? Buffer.alloc(0) : out.subarray(end + 4);
  return { ...parseHead(head), body: bodyView(body), curlExitCode: code, curlError: err.trim() };
}
