import type { AwsCredentials } from '@lambda-streaming/streaming/client';
import { E2eSetupError } from './errors.js';

/** What the aws target signs with and where it looks for the stacks. */
export interface AwsAccess {
  region: string;
  credentials: AwsCredentials;
}

/** What to set, said once for every way the check can fail. */
export const AWS_SETUP_HINT = [
  'The aws target calls the deployed stacks with your AWS credentials. Set:',
  '  - credentials: AWS_PROFILE (a profile from `aws configure`, or `aws configure sso` then',
  '    `aws sso login`), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN',
  '    for temporary credentials);',
  '  - AWS_REGION: the region the stacks are deployed in, e.g. AWS_REGION=eu-west-1.',
  'Deploy each pattern first: npm run build, then `sam deploy --guided` in patterns/<slug>.',
  'Without AWS, run the same suite locally: npm run test:e2e (the default --target local).',
].join('\n');

/**
 * Resolves the region and credentials of the standard AWS chain (environment, SSO, shared
 * files, process, container and instance metadata), as the AWS SDK does, and fails at once
 * with {@link AWS_SETUP_HINT} when either is missing.
 *
 * @returns The region and the credentials.
 * @throws {@link E2eSetupError} naming what is missing and what to set.
 * @example
 * ```ts
 * const { region, credentials } = await checkAwsAccess();
 * ```
 */
export async function checkAwsAccess(): Promise<AwsAccess> {
  // This SDK version warns on Node.js 20; the variable must be set before it loads.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { LambdaClient } = await import('@aws-sdk/client-lambda');
  const client = new LambdaClient({});
  try {
    const [region, credentials] = await Promise.allSettled([
      client.config.region(),
      client.config.credentials(),
    ]);
    const missing = [
      region.status === 'rejected' && `no region (${reason(region.reason)})`,
      credentials.status === 'rejected' && `no credentials (${reason(credentials.reason)})`,
    ].filter(Boolean);
    if (region.status === 'rejected' || credentials.status === 'rejected') {
      throw new E2eSetupError(`Cannot run --target aws: ${missing.join(', ')}.\n${AWS_SETUP_HINT}`);
    }
    return { region: region.value, credentials: credentials.value };
  } finally {
    client.destroy();
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] || error.name : String(error);
}
