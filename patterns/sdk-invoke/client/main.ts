import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { InvokeWithResponseStreamCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  type InvokeEventStream,
  InvokeStreamError,
  readInvokeStream,
} from '@lambda-streaming/streaming/client';
import { parseInvokeArgs, USAGE, UsageError } from './args.js';
import { behavedAsExpected, CASES, type InvokeCase, type InvokeOutcome } from './cases.js';
import {
  formatChunk,
  formatCompletion,
  formatHeading,
  formatResponse,
  formatVerdict,
} from './format.js';
import { resolveFunctionNames } from './function-names.js';

type Print = (text: string) => void;

/**
 * Runs the command line: resolves the region and the function names, invokes each
 * demonstration and prints what arrives.
 *
 * @param argv - The arguments after `--`.
 * @param print - Where the transcript goes (stdout).
 * @returns The exit code: 0 all as expected, 1 not, 2 could not run.
 */
export async function main(argv: readonly string[], print: Print = console.log): Promise<number> {
  try {
    const args = parseInvokeArgs(argv);
    if (args.help) {
      print(USAGE);
      return 0;
    }
    const cases = CASES.filter((c) => args.target === 'all' || c.name === args.target);
    const lambda = new LambdaClient(args.endpoint ? { endpoint: args.endpoint } : {});
    const region = await resolveRegion(lambda);
    await resolveCredentials(lambda);
    const names = await resolveFunctionNames(args, cases, (stack) => describeStack(stack, region));
    return (await runCases(lambda, cases, names, print)) ? 0 : 1;
  } catch (error) {
    // Anything that stops the run before the invocations: usage, region, credentials, stack
    // lookup (network, permissions).
    if (error instanceof UsageError)
      console.error(`${error.message}\n\nRun with --help for usage.`);
    else console.error(`${(error as Error).name}: ${(error as Error).message}`);
    return 2;
  }
}

/** Invokes the demonstrations one after the other; tells whether all behaved as expected. */
async function runCases(
  lambda: LambdaClient,
  cases: readonly InvokeCase[],
  names: readonly string[],
  print: Print,
): Promise<boolean> {
  let allAsExpected = true;
  for (const [index, invokeCase] of cases.entries()) {
    const functionName = names[index] ?? invokeCase.logicalId;
    print(`${index > 0 ? '\n' : ''}${formatHeading(invokeCase, functionName)}`);
    const outcome = await invokeAndPrint(lambda, functionName, print);
    const asExpected = behavedAsExpected(invokeCase.name, outcome);
    print(formatVerdict(invokeCase, asExpected));
    allAsExpected &&= asExpected;
  }
  return allAsExpected;
}

/** Invokes one function and prints each event as it arrives; never throws for a function error. */
async function invokeAndPrint(lambda: LambdaClient, functionName: string, print: Print) {
  const outcome: InvokeOutcome = { text: '', errorCode: undefined, completed: false };
  const startMs = performance.now();
  try {
    const output = await lambda.send(
      new InvokeWithResponseStreamCommand({
        FunctionName: functionName,
        LogType: 'Tail', // ask for the last 4 KB of the log in InvokeComplete.LogResult
        Payload: new TextEncoder().encode('{}'), // the event: events/sdk-invoke.json
      }),
    );
    // send() resolves once the first event has arrived; the HTTP status is already final.
    print(formatResponse({ atMs: performance.now() - startMs, ...responseFields(output) }));
    await printEvents(output.EventStream, startMs, outcome, print);
  } catch (error) {
    // A missing InvokeComplete, or an API error such as ResourceNotFoundException.
    const { name, message } = error as Error;
    print(`          ${error instanceof InvokeStreamError ? error.errorCode : name}: ${message}`);
  }
  return outcome;
}

/** Prints each PayloadChunk, then InvokeComplete, as they arrive; records them in `outcome`. */
async function printEvents(
  eventStream: InvokeEventStream,
  startMs: number,
  outcome: InvokeOutcome,
  print: Print,
): Promise<void> {
  const decoder = new TextDecoder();
  for await (const event of readInvokeStream(eventStream, { startMs })) {
    if (event.type === 'chunk') {
      const text = decoder.decode(event.payload, { stream: true });
      outcome.text += text;
      print(formatChunk(event.atMs, event.payload.byteLength, text));
    } else {
      outcome.completed = true;
      outcome.errorCode = event.errorCode;
      print(formatCompletion(event));
    }
  }
}

function responseFields(output: {
  StatusCode?: number;
  ExecutedVersion?: string;
  ResponseStreamContentType?: string;
}) {
  return {
    statusCode: output.StatusCode,
    executedVersion: output.ExecutedVersion,
    contentType: output.ResponseStreamContentType,
  };
}

async function resolveRegion(lambda: LambdaClient): Promise<string> {
  try {
    return await lambda.config.region();
  } catch {
    throw new UsageError(
      'No AWS region is configured. Set AWS_REGION (e.g. `export AWS_REGION=eu-west-1`) or run ' +
        '`aws configure`. For the local emulator: AWS_REGION=us-east-1.',
    );
  }
}

async function resolveCredentials(lambda: LambdaClient): Promise<void> {
  try {
    await lambda.config.credentials();
  } catch (error) {
    throw new UsageError(
      `No AWS credentials found (${(error as Error).message}). Run \`aws configure\` or ` +
        '`aws sso login`, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.',
    );
  }
}

async function describeStack(stackName: string, region: string) {
  try {
    return await new CloudFormationClient({ region }).send(
      new DescribeStacksCommand({ StackName: stackName }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ValidationError') throw error;
    throw new UsageError(
      `Stack ${stackName} was not found in ${region} (${(error as Error).message}). Deploy it ` +
        'with `sam deploy --guided`, pass --stack NAME, or set AWS_REGION to its region.',
    );
  }
}
