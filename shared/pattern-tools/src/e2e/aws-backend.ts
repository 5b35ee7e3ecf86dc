import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { type E2eBackend, unknownFunction } from './backend.js';
import { E2eSetupError } from './errors.js';
import type { AwsAccess } from './preflight.js';

/** A stack output, as `DescribeStacks` returns it. */
export interface StackOutput {
  OutputKey?: string | undefined;
  OutputValue?: string | undefined;
}

/**
 * The deployed stack's functions and REST APIs, found through its outputs: `<LogicalId>Name`
 * holds a function's name and `<LogicalId>Url` its function URL, or a REST API's stage URL, as
 * in every pattern's template.
 *
 * @param access - Region and credentials (from {@link checkAwsAccess}).
 * @param stack - The stack's name.
 * @returns The aws target's backend.
 * @throws {@link E2eSetupError} when the stack does not exist in the region.
 * @example
 * ```ts
 * const backend = await startAwsBackend(await checkAwsAccess(), 'ttfb-write');
 * ```
 */
export async function startAwsBackend(access: AwsAccess, stack: string): Promise<E2eBackend> {
  const outputs = await describeOutputs(access, stack);
  return {
    kind: 'aws',
    region: access.region,
    credentials: access.credentials,
    endpoint: undefined,
    stack,
    lookup: (logicalId) => functionFromOutputs(outputs, logicalId, stack),
    lookupRestApi: (logicalId) => restApiFromOutputs(outputs, logicalId, stack),
    close: async () => {},
  };
}

/**
 * Picks a function's name and URL out of stack outputs.
 *
 * @param outputs - The stack's outputs.
 * @param logicalId - The function's logical ID.
 * @param stack - The stack's name, for the error message.
 * @returns The function.
 * @throws Error naming the missing output and the outputs that exist.
 * @example
 * ```ts
 * functionFromOutputs([{ OutputKey: 'FnName', OutputValue: 'stack-Fn-1' }], 'Fn', 'stack');
 * ```
 */
export function functionFromOutputs(
  outputs: readonly StackOutput[],
  logicalId: string,
  stack: string,
) {
  const value = (key: string) => outputs.find((output) => output.OutputKey === key)?.OutputValue;
  const name = value(`${logicalId}Name`);
  if (!name) {
    const keys = outputs.flatMap((output) => output.OutputKey ?? []);
    throw unknownFunction(`${logicalId} (output ${logicalId}Name)`, `Stack ${stack}`, keys);
  }
  return { logicalId, name, url: value(`${logicalId}Url`) };
}

/**
 * Picks a REST API's stage URL (`https://<id>.execute-api.<region>.amazonaws.com/<stage>`) out
 * of stack outputs: the output `<LogicalId>Url`.
 *
 * @param outputs - The stack's outputs.
 * @param logicalId - The API's logical ID.
 * @param stack - The stack's name, for the error message.
 * @returns The API, its URL without a trailing slash.
 * @throws Error naming the missing output and the outputs that exist.
 * @example
 * ```ts
 * restApiFromOutputs([{ OutputKey: 'ApiUrl', OutputValue: 'https://a.execute-api.us-east-1.amazonaws.com/prod' }], 'Api', 'stack');
 * ```
 */
export function restApiFromOutputs(
  outputs: readonly StackOutput[],
  logicalId: string,
  stack: string,
) {
  const url = outputs.find((output) => output.OutputKey === `${logicalId}Url`)?.OutputValue;
  if (!url) {
    const keys = outputs.flatMap((output) => output.OutputKey ?? []);
    throw unknownFunction(
      `${logicalId} (output ${logicalId}Url)`,
      `Stack ${stack}`,
      keys,
      'REST API',
    );
  }
  return { logicalId, url: url.replace(/\/+$/, '') };
}

async function describeOutputs(access: AwsAccess, stack: string): Promise<StackOutput[]> {
  const client = new CloudFormationClient(access);
  try {
    const result = await client.send(new DescribeStacksCommand({ StackName: stack }));
    return result.Stacks?.[0]?.Outputs ?? [];
  } catch (error) {
    if ((error as Error).name !== 'ValidationError') throw error;
    throw new E2eSetupError(
      `Stack ${stack} was not found in ${access.region} (${(error as Error).message}). Deploy ` +
        'it with `sam deploy --guided` in the pattern folder, set AWS_REGION to its region, or ' +
        'name it: npm run test:e2e -- --target aws --stack <pattern>=<stack name>.',
    );
  } finally {
    client.destroy();
  }
}
