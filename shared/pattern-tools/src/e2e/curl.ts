import { spawn } from 'node:child_process';
import type { AwsCredentials, ChunkTiming } from '@lambda-streaming/streaming/client';
import { type CurlOutput, readCurlOutput } from './curl-output.js';

/** A request for {@link curl}. */
export interface CurlRequest {
  url: string;
  /** Sign with `--aws-sigv4`; omit for an unsigned request. */
  signing?: { region: string; credentials: AwsCredentials } | undefined;
  /** The service to sign for: `lambda` (function URLs, the default) or `execute-api` (REST APIs). */
  service?: 'lambda' | 'execute-api';
  /** More curl options (`-X`, `-H`, `-d`...). */
  args?: readonly string[];
  /** Kill curl as soon as the first body bytes arrived: a client that goes away mid-stream. */
  disconnectAfterFirstChunk?: boolean;
  /** `--max-time`, in seconds (default 60). */
  maxTimeSeconds?: number;
}

/** What curl received, and when. */
export interface CurlResult {
  /** curl's exit code (18: the transfer ended before the response did); `null` when killed. */
  exitCode: number | null;
  status: number;
  headers: Headers;
  body: Buffer;
  /** Arrival of each piece of body that curl handed over, in ms after curl was started. */
  chunks: ChunkTiming[];
  stderr: string;
}

/**
 * Runs the real `curl -sS -N -i` (7.75 or later for `--aws-sigv4`), as a reader of a pattern
 * README would, and records when each piece of the body reached the client. The credentials go
 * to curl on stdin (`--config -`), not on its command line.
 *
 * @param request - URL, signing and options.
 * @returns Status, headers, body, chunk arrivals and exit code.
 * @example
 * ```ts
 * const result = await curl({ url: target.url('TtfbWriteFunction'), signing: target.signing });
 * expect(result.status).toBe(200);
 * ```
 */
export function curl(request: CurlRequest): Promise<CurlResult> {
  const args = ['-sS', '-N', '-i', '--max-time', String(request.maxTimeSeconds ?? 60)];
  if (request.signing) {
    args.push('--aws-sigv4', `aws:amz:${request.signing.region}:${request.service ?? 'lambda'}`);
  }
  args.push('--config', '-', ...(request.args ?? []), request.url);
  const child = spawn('curl', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end(curlConfig(request.signing?.credentials));
  const startMs = performance.now();
  const output: CurlOutput = readCurlOutput(child.stdout, startMs, () => {
    if (request.disconnectAfterFirstChunk) child.kill('SIGINT');
  });
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => {
    stderr += data.toString();
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stderr, ...output.result() }));
  });
}

/** curl config lines (user and session token), quoted as curl's config format wants. */
function curlConfig(credentials: AwsCredentials | undefined): string {
  if (!credentials) return '';
  const quote = (value: string) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  const lines = [`user = ${quote(`${credentials.accessKeyId}:${credentials.secretAccessKey}`)}`];
  if (credentials.sessionToken) {
    lines.push(`header = ${quote(`x-amz-security-token: ${credentials.sessionToken}`)}`);
  }
  return `${lines.join('\n')}\n`;
}
