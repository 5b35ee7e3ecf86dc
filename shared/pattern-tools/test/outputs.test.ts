import { describe, expect, it } from 'vitest';
import { checkTemplateOutputs } from '../src/index.js';
import { copyFixture, editTemplate, fixturePath, removeCopy } from './helpers.js';

describe('checkTemplateOutputs', () => {
  it('reports each function without its Name output, and each URL without its Url output', async () => {
    // Act: the fixture names its outputs FunctionUrl and FunctionName.
    const problems = await checkTemplateOutputs(`${fixturePath('greeting')}/template.yaml`);

    // Assert
    expect(problems).toEqual([
      "Outputs.GreetFunctionName must be the function's name: !Ref GreetFunction",
      'Outputs.GreetFunctionUrl must be the function URL: !GetAtt GreetFunctionUrl.FunctionUrl',
      "Outputs.LegacyFunctionName must be the function's name: !Ref LegacyFunction",
      "Outputs.SharedAFunctionName must be the function's name: !Ref SharedAFunction",
      "Outputs.SharedBFunctionName must be the function's name: !Ref SharedBFunction",
    ]);
  });

  it('accepts the standard outputs, in short and long form', async () => {
    // Arrange: only the streaming function, with both outputs.
    const dir = await copyFixture('greeting');
    try {
      await editTemplate(
        dir,
        'Outputs:\n  FunctionUrl:',
        [
          'Outputs:',
          '  GreetFunctionName:',
          '    Value: !Ref GreetFunction',
          '  GreetFunctionUrl:',
          '    Value:',
          '      Fn::GetAtt: GreetFunctionUrl.FunctionUrl',
          '  LegacyFunctionName:',
          '    Value: !Ref LegacyFunction',
          '  SharedAFunctionName:',
          '    Value: !Ref SharedAFunction',
          '  SharedBFunctionName:',
          '    Value: !Ref SharedBFunction',
          '  FunctionUrl:',
        ].join('\n'),
      );

      // Act
      const problems = await checkTemplateOutputs(`${dir}/template.yaml`);

      // Assert
      expect(problems).toEqual([]);
    } finally {
      await removeCopy(dir);
    }
  });

  it('reports a Name output that names another function', async () => {
    // Arrange
    const dir = await copyFixture('greeting');
    try {
      await editTemplate(dir, 'FunctionName:', 'LegacyFunctionName:');

      // Act
      const problems = await checkTemplateOutputs(`${dir}/template.yaml`);

      // Assert: LegacyFunctionName is there, but holds !Ref GreetFunction.
      expect(problems).toContain(
        "Outputs.LegacyFunctionName must be the function's name: !Ref LegacyFunction",
      );
      expect(problems).toHaveLength(5);
    } finally {
      await removeCopy(dir);
    }
  });

  it('asks for each REST API stage URL, and accepts it as a !Sub of its invoke URL', async () => {
    // Arrange: an API with stage prod, and the Url output first missing, then right.
    const dir = await copyFixture('greeting');
    const apiUrl = `https://\${ReportApi}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/prod`;
    try {
      await editTemplate(
        dir,
        'Outputs:',
        [
          '  ReportApi:',
          '    Type: AWS::Serverless::Api',
          '    Properties:',
          '      StageName: prod',
          '      OpenApiVersion: "3.0.1"',
          '',
          'Outputs:',
        ].join('\n'),
      );

      // Act
      const missing = await checkTemplateOutputs(`${dir}/template.yaml`);
      await editTemplate(dir, 'Outputs:', `Outputs:\n  ReportApiUrl:\n    Value: !Sub ${apiUrl}`);
      const present = await checkTemplateOutputs(`${dir}/template.yaml`);

      // Assert
      expect(missing).toContain(
        `Outputs.ReportApiUrl must be the stage's invoke URL: !Sub ${apiUrl}`,
      );
      expect(present.filter((problem) => problem.includes('ReportApi'))).toEqual([]);
    } finally {
      await removeCopy(dir);
    }
  });
});
