import type { InvokeArgs } from './args.js';
import type { InvokeCase } from './cases.js';
import { type DescribeStacksResult, functionNameFromStack, readDefaultStackName } from './stack.js';

/** How to look up a stack; the real one calls CloudFormation `DescribeStacks`. */
export type DescribeStack = (stackName: string) => Promise<DescribeStacksResult>;

/**
 * Decides which function each demonstration invokes: `--function` if given; with `--endpoint`
 * (the local emulator) the logical ID from template.yaml; otherwise the name in the stack's
 * outputs, read once.
 *
 * @param args - The parsed command line.
 * @param cases - The demonstrations to run.
 * @param describeStack - Looks up the stack (only called when no endpoint or name is given).
 * @returns The function name for each demonstration, in order.
 * @example
 * ```ts
 * await resolveFunctionNames(args, CASES, async () => ({ Stacks: [{ Outputs: [...] }] }));
 * ```
 */
export async function resolveFunctionNames(
  args: Pick<InvokeArgs, 'stack' | 'endpoint' | 'functionName'>,
  cases: readonly InvokeCase[],
  describeStack: DescribeStack,
): Promise<string[]> {
  if (args.functionName !== undefined) return cases.map(() => args.functionName as string);
  if (args.endpoint !== undefined) return cases.map((invokeCase) => invokeCase.logicalId);
  const stack = args.stack ?? (await readDefaultStackName());
  const result = await describeStack(stack);
  return cases.map((invokeCase) => functionNameFromStack(result, invokeCase, stack));
}
