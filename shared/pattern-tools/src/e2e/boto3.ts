import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { E2eTarget } from './target.js';

/** What boto3's `invoke_with_response_stream` yielded. */
export interface Boto3StreamResult {
  statusCode: number;
  /** Each `PayloadChunk`, decoded as UTF-8. */
  chunks: string[];
  /** The `InvokeComplete` event as boto3 parsed it, if one came. */
  complete: Record<string, string> | undefined;
}

// Reads every event, as the boto3 documentation shows; the payload travels as base64 so that
// a chunk cut inside a UTF-8 character survives the trip to JSON.
const SCRIPT = `
import base64, json, sys
import boto3
function_name, endpoint = sys.argv[1], sys.argv[2] or None
client = boto3.client("lambda", endpoint_url=endpoint)
response = client.invoke_with_response_stream(FunctionName=function_name)
chunks, complete = [], None
for event in response["EventStream"]:
    if "PayloadChunk" in event:
        chunks.append(base64.b64encode(event["PayloadChunk"]["Payload"]).decode())
    if "InvokeComplete" in event:
        complete = event["InvokeComplete"]
print(json.dumps({"statusCode": response["StatusCode"], "chunks": chunks, "complete": complete}))
`;

/**
 * Invokes a function with boto3's `invoke_with_response_stream` in a real `python3` (boto3
 * must be installed), signed with the target's credentials.
 *
 * @param target - The target.
 * @param logicalId - The function's logical ID.
 * @returns The status, the chunks and `InvokeComplete`.
 * @throws Error with python's stderr when the script fails.
 * @example
 * ```ts
 * const { chunks, complete } = await boto3InvokeStream(target, 'MidstreamErrorFunction');
 * ```
 */
export async function boto3InvokeStream(
  target: E2eTarget,
  logicalId: string,
): Promise<Boto3StreamResult> {
  const args = ['-c', SCRIPT, target.functionName(logicalId), target.endpoint ?? ''];
  const { stdout } = await promisify(execFile)('python3', args, { env: boto3Env(target) });
  const parsed = JSON.parse(stdout) as Boto3StreamResult;
  const chunks = parsed.chunks.map((chunk) => Buffer.from(chunk, 'base64').toString('utf8'));
  return { ...parsed, chunks, complete: parsed.complete ?? undefined };
}

/**
 * The environment of the python process: this one's (proxies, CA bundle, endpoint overrides),
 * with the target's credentials and region in place of any profile, so boto3 signs as the JS
 * SDK does.
 */
function boto3Env(target: E2eTarget): NodeJS.ProcessEnv {
  const { region, credentials } = target.signing;
  const replaced = /^AWS_(PROFILE|DEFAULT_PROFILE|ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN)$/;
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !replaced.test(name)),
  );
  return {
    ...env,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    ...(credentials.sessionToken ? { AWS_SESSION_TOKEN: credentials.sessionToken } : {}),
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
  };
}
