/**
 * Times a Lambda function URL, local or deployed: N calls one after the other, each signed with
 * SigV4 (`callFunctionUrl`) from the standard credential chain, timing its first and last byte.
 * Usage: scripts/ttfb [--runs N] [--region R] [--no-sign] URL   (see --help)
 * Exit codes: 0 every run answered 2xx in full; 1 a run failed (network error, status, truncated
 * body, no credentials); 2 usage error.
 */
import { parseArgs } from 'node:util';
import {
  type AwsCredentials,
  callFunctionUrl,
  regionFromFunctionUrl,
  resolveCredentials,
  timed,
} from '@lambda-streaming/streaming/client';
import { formatTtfbReport, type TtfbRun } from './ttfb-report.js';

const USAGE = `Usage: scripts/ttfb [--runs N] [--region R] [--no-sign] URL

Calls a Lambda function URL N times, one after the other, and prints each call's time to first
byte and to last byte, their p50/p95/max, the bytes and chunks received and a timeline of the
chunk arrivals. Times start just before the request is signed and sent; the first run also opens
the connection (later runs reuse it).

  --runs N     Calls to make (default 5).
  --region R   Signing region. Default: the region in <id>.lambda-url.<region>.on.aws, else
               $AWS_REGION, then $AWS_DEFAULT_REGION (needed for a local URL).
  --no-sign    Send the requests unsigned (AuthType NONE).
  --help       Show this help.

Credentials: the AWS SDK's standard chain (environment, SSO, shared files, process, metadata).

Examples:
  scripts/ttfb https://abc123.lambda-url.us-east-1.on.aws/
  AWS_ACCESS_KEY_ID=LOCALLAMBDAACCESSKEY AWS_SECRET_ACCESS_KEY=local-lambda-secret-access-key \\
    scripts/ttfb --runs 3 --region us-east-1 http://127.0.0.1:3001/

Exit codes: 0 every run answered 2xx in full; 1 a run failed; 2 usage error.`;

interface Options {
  url: URL;
  runs: number;
  region: string | undefined;
  sign: boolean;
}

class UsageError extends Error {}

function readOptions(argv: string[]): Options | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      runs: { type: 'string', default: '5' },
      region: { type: 'string' },
      'no-sign': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError('Give exactly one URL.');
  const url = parseUrl(positionals[0] as string);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new UsageError(`--runs must be a whole number ≥ 1, not ${values.runs}`);
  const sign = !values['no-sign'];
  const region =
    values.region ||
    regionFromFunctionUrl(url) ||
    process.env.AWS_REGION ||
    process.env.AWS_DEFAULT_REGION;
  if (sign && !region)
    throw new UsageError(`Cannot tell the signing region of ${url.origin}: pass --region.`);
  return { url, runs, region, sign };
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`Not a URL: ${text}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`Not an http(s) URL: ${text}`);
  return url;
}

async function timeOnce(
  options: Options,
  credentials: AwsCredentials | undefined,
): Promise<TtfbRun> {
  const startMs = performance.now();
  const response = await callFunctionUrl(options.url, {
    auth: options.sign ? 'iam' : 'none',
    ...(options.region ? { region: options.region } : {}),
    ...(credentials ? { credentials } : {}),
  });
  const ok = response.statusCode >= 200 && response.statusCode <= 299;
  const body = timed(response.body, { startMs });
  const head: Buffer[] = [];
  try {
    for await (const chunk of body) if (!ok && head.length < 4) head.push(Buffer.from(chunk));
  } catch {
    // A connection cut mid-body (a function error after the first byte): reported as truncated.
  }
  const chunks = [...body.chunks];
  return {
    statusCode: response.statusCode,
    ttfbMs: chunks[0]?.atMs,
    ttlbMs: body.result?.ttlbMs ?? performance.now() - startMs,
    bytes: chunks.reduce((sum, chunk) => sum + chunk.bytes, 0),
    chunks,
    complete: response.body.complete,
    ...(ok ? {} : { errorBody: Buffer.concat(head).toString('utf8').slice(0, 300).trim() }),
  };
}

async function main(argv: string[]): Promise<number> {
  let options: Options | 'help';
  try {
    options = readOptions(argv);
  } catch (error) {
    process.stderr.write(`ttfb: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // Resolved once, before the clock: the chain's first lookup can take long.
  const credentials = options.sign ? await resolveCredentials() : undefined;
  const runs: TtfbRun[] = [];
  for (let i = 0; i < options.runs; i += 1) runs.push(await timeOnce(options, credentials));
  const signing = options.sign ? `signed with SigV4 for ${options.region}` : 'unsigned';
  process.stdout.write(formatTtfbReport({ method: 'GET', url: options.url.href, signing }, runs));
  const failed = runs.some((run) => run.statusCode < 200 || run.statusCode > 299 || !run.complete);
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ttfb: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
