import { describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../client/args.js';
import { CASES, caseNamed } from '../../client/cases.js';
import { resolveFunctionNames } from '../../client/function-names.js';
import {
  type DescribeStacksResult,
  functionNameFromStack,
  readDefaultStackName,
} from '../../client/stack.js';

const deployed: DescribeStacksResult = {
  Stacks: [
    {
      Outputs: [
        {
          OutputKey: 'HappyPathFunctionUrl',
          OutputValue: 'https://a.lambda-url.eu-west-1.on.aws/',
        },
        { OutputKey: 'HappyPathFunctionName', OutputValue: 'sdk-invoke-HappyPathFunction-Ab12' },
        {
          OutputKey: 'MidstreamErrorFunctionName',
          OutputValue: 'sdk-invoke-MidstreamErrorFun-Cd34',
        },
        { OutputKey: 'TimeoutFunctionName', OutputValue: 'sdk-invoke-TimeoutFunction-Ef56' },
      ],
    },
  ],
};

describe('sdk-invoke client stack lookup', () => {
  it("reads the pattern's own samconfig.toml", async () => {
    // Act / Assert
    expect(await readDefaultStackName()).toBe('sdk-invoke');
  });

  it('finds each function name by its output key', () => {
    // Act
    const names = CASES.map((invokeCase) =>
      functionNameFromStack(deployed, invokeCase, 'sdk-invoke'),
    );

    // Assert
    expect(names).toEqual([
      'sdk-invoke-HappyPathFunction-Ab12',
      'sdk-invoke-MidstreamErrorFun-Cd34',
      'sdk-invoke-TimeoutFunction-Ef56',
    ]);
  });

  it('names the missing output and the outputs that exist', () => {
    // Arrange
    const other: DescribeStacksResult = {
      Stacks: [{ Outputs: [{ OutputKey: 'BucketName', OutputValue: 'b' }] }],
    };

    // Act
    const lookup = () => functionNameFromStack(other, caseNamed('happy'), 'other-stack');

    // Assert
    expect(lookup).toThrow(UsageError);
    expect(lookup).toThrow(
      'Stack other-stack has no output HappyPathFunctionName (its outputs: BucketName)',
    );
  });

  it('reads the stack once for all functions', async () => {
    // Arrange
    const describeStack = vi.fn(async () => deployed);

    // Act
    const names = await resolveFunctionNames(
      { stack: 'sdk-invoke', endpoint: undefined, functionName: undefined },
      CASES,
      describeStack,
    );

    // Assert
    expect(describeStack).toHaveBeenCalledOnce();
    expect(describeStack).toHaveBeenCalledWith('sdk-invoke');
    expect(names).toHaveLength(3);
  });

  it('uses logical IDs with an endpoint, and --function above all, without reading a stack', async () => {
    // Arrange
    const describeStack = vi.fn(async () => deployed);

    // Act
    const local = await resolveFunctionNames(
      { stack: undefined, endpoint: 'http://127.0.0.1:3000', functionName: undefined },
      CASES,
      describeStack,
    );
    const named = await resolveFunctionNames(
      { stack: undefined, endpoint: 'http://127.0.0.1:3000', functionName: 'my-function' },
      CASES.slice(0, 1),
      describeStack,
    );

    // Assert
    expect(local).toEqual(['HappyPathFunction', 'MidstreamErrorFunction', 'TimeoutFunction']);
    expect(named).toEqual(['my-function']);
    expect(describeStack).not.toHaveBeenCalled();
  });
});
