/**
 * Requests signed by real AWS clients, each with its own SigV4 code: the JS SDK, boto3 (botocore)
 * and curl. They are what keeps the verifier from being tested only against itself.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';

const run = promisify(execFile);

/** Keys with a session token, which every client below signs. */
export interface TestCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/** What each client calls: a function by ARN (its `:` percent-encoded in the path), a qualifier. */
export const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:Fn';

/**
 * `Invoke` with `@aws-sdk/client-lambda` (it sends `x-amz-content-sha256`). On Node 20, set
 * `AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED` first to keep its warning out of the output.
 *
 * @example
 * ```ts
 * await invokeWithSdk(server.origin, credentials, 'us-east-1');
 * ```
 */
export async function invokeWithSdk(
  endpoint: string,
  credentials: TestCredentials,
  region: string,
): Promise<void> {
  const client = new LambdaClient({ endpoint, region, credentials, maxAttempts: 1 });
  await client.send(
    new InvokeCommand({
      FunctionName: FUNCTION_ARN,
      Qualifier: '$LATEST',
      LogType: 'Tail',
      Payload: new TextEncoder().encode('{"from":"sdk js"}'),
    }),
  );
}

const BOTO3_SCRIPT = `
import sys, urllib.request
import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
lambda_endpoint, api_endpoint, region, key, secret, token, arn = sys.argv[1:]
client = boto3.client("lambda", endpoint_url=lambda_endpoint, region_name=region,
    aws_access_key_id=key, aws_secret_access_key=secret, aws_session_token=token)
client.invoke(FunctionName=arn, Qualifier="$LATEST", Payload=b'{"from":"boto3"}')
request = AWSRequest(method="POST", url=api_endpoint + "/prod/items/a%20b?b=2&a=x%20y",
    data=b'{"from":"botocore"}', headers={"content-type": "application/json"})
SigV4Auth(Credentials(key, secret, token), "execute-api", region).add_auth(request)
prepared = request.prepare()
urllib.request.urlopen(urllib.request.Request(prepared.url, data=prepared.body,
    headers=dict(prepared.headers), method="POST")).read()
`;

/**
 * boto3's `invoke` against the Lambda endpoint, then a request to an API Gateway endpoint signed
 * by botocore's `SigV4Auth` for `execute-api` (path with an encoded space, unsorted query).
 *
 * @example
 * ```ts
 * await signWithBoto3(lambda.origin, api.origin, credentials, 'us-east-1');
 * ```
 */
export async function signWithBoto3(
  lambdaEndpoint: string,
  apiEndpoint: string,
  credentials: TestCredentials,
  region: string,
): Promise<void> {
  const { accessKeyId, secretAccessKey, sessionToken } = credentials;
  const args = [lambdaEndpoint, apiEndpoint, region, accessKeyId, secretAccessKey, sessionToken];
  await run('python3', ['-c', BOTO3_SCRIPT, ...args, FUNCTION_ARN], {
    env: { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' },
  });
}

/**
 * `curl --aws-sigv4` (7.88 signs the path as given and the query unsorted, and sends no
 * `x-amz-content-sha256`, so the verifier hashes the body); the session token goes by hand.
 *
 * @param url - Full URL; keep its query sorted, as curl 7.88 does not sort it.
 * @param service - `lambda` or `execute-api`.
 * @returns curl's output (the server's answer).
 * @example
 * ```ts
 * await signWithCurl(`${origin}/2015-03-31/functions/Fn/invocations`, 'lambda', credentials, 'us-east-1');
 * ```
 */
export async function signWithCurl(
  url: string,
  service: string,
  credentials: TestCredentials,
  region: string,
): Promise<string> {
  const { stdout } = await run('curl', [
    '-sS',
    '--fail-with-body',
    '--aws-sigv4',
    `aws:amz:${region}:${service}`,
    '--user',
    `${credentials.accessKeyId}:${credentials.secretAccessKey}`,
    '-H',
    `x-amz-security-token: ${credentials.sessionToken}`,
    '-H',
    'content-type: application/json',
    '-d',
    `{"from":"curl ${service}"}`,
    url,
  ]);
  return stdout;
}
