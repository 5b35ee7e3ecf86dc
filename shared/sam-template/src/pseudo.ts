import { NO_VALUE, type RefValue } from './values.js';

/** The values behind the pseudo parameters; see `TemplateOptions` for the defaults. */
export interface PseudoParameterOptions {
  readonly region: string;
  readonly accountId: string;
  readonly stackName: string;
}

function partitionOf(region: string): { partition: string; urlSuffix: string } {
  if (region.startsWith('cn-')) return { partition: 'aws-cn', urlSuffix: 'amazonaws.com.cn' };
  if (region.startsWith('us-gov-')) return { partition: 'aws-us-gov', urlSuffix: 'amazonaws.com' };
  return { partition: 'aws', urlSuffix: 'amazonaws.com' };
}

/**
 * Builds the values of CloudFormation's pseudo parameters for a local run.
 * [AWS docs: pseudo parameters](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html)
 *
 * @param options - Region, account and stack name to report.
 * @returns A map from `AWS::Region`, `AWS::AccountId`, ... to their values.
 * @example
 * ```ts
 * const refs = pseudoParameters({ region: 'eu-west-1', accountId: '123456789012', stackName: 'x' });
 * refs.get('AWS::Partition'); // 'aws'
 * ```
 */
export function pseudoParameters(options: PseudoParameterOptions): Map<string, RefValue> {
  const { region, accountId, stackName } = options;
  const { partition, urlSuffix } = partitionOf(region);
  const stackId = `arn:${partition}:cloudformation:${region}:${accountId}:stack/${stackName}/00000000-0000-0000-0000-000000000000`;
  return new Map<string, RefValue>([
    ['AWS::Region', region],
    ['AWS::AccountId', accountId],
    ['AWS::StackName', stackName],
    ['AWS::StackId', stackId],
    ['AWS::Partition', partition],
    ['AWS::URLSuffix', urlSuffix],
    ['AWS::NotificationARNs', []],
    ['AWS::NoValue', NO_VALUE],
  ]);
}
