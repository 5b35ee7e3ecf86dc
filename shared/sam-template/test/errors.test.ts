import { describe, expect, it } from 'vitest';
import { TemplateError } from '../src/index.js';
import { bareFunctionTemplate, functionTemplate, parse } from './helpers.js';

const BASE = 'Runtime: nodejs22.x\nCodeUri: dist/fn/\nHandler: fn.handler';
const FILE = 'patterns/demo/template.yaml';

describe('template errors', () => {
  it.each([
    [
      'Runtime: !GetAtt Table.Arn\nCodeUri: dist/fn/\nHandler: fn.handler',
      'Resources.Fn.Properties.Runtime: expected a string, got !GetAtt Table.Arn, which cannot be resolved locally',
    ],
    [
      'Runtime: nodejs22.x\nCodeUri: !Ref Table\nHandler: fn.handler',
      'Resources.Fn.Properties.CodeUri: expected a string, got !Ref Table, which cannot be resolved locally',
    ],
    [
      'Runtime: nodejs22.x\nCodeUri: dist/fn/',
      'Resources.Fn.Properties.Handler: expected a string, got nothing',
    ],
    [`${BASE}\nTimeout: soon`, 'Resources.Fn.Properties.Timeout: expected a number, got "soon"'],
    [
      `${BASE}\nArchitectures: [arm64, x86_64]`,
      'Resources.Fn.Properties.Architectures: must list exactly one architecture, got 2',
    ],
    [
      `${BASE}\nArchitectures: [sparc]`,
      'Resources.Fn.Properties.Architectures[0]: expected one of x86_64, arm64, got "sparc"',
    ],
    [
      `${BASE}\nFunctionUrlConfig:\n  AuthType: PUBLIC`,
      'Resources.Fn.Properties.FunctionUrlConfig.AuthType: expected one of AWS_IAM, NONE, got "PUBLIC"',
    ],
    [
      `${BASE}\nFunctionUrlConfig:\n  AuthType: NONE\n  InvokeMode: STREAM`,
      'Resources.Fn.Properties.FunctionUrlConfig.InvokeMode: expected one of BUFFERED, RESPONSE_STREAM, got "STREAM"',
    ],
    [
      `${BASE}\nFunctionUrlConfig:\n  AuthType: NONE\n  Cors:\n    AllowOrigins: [!GetAtt Table.Arn]`,
      'Resources.Fn.Properties.FunctionUrlConfig.Cors.AllowOrigins[0]: expected a string, got !GetAtt Table.Arn',
    ],
    [
      `${BASE}\nEnvironment:\n  Variables:\n    NESTED: { a: 1 }`,
      'Resources.Fn.Properties.Environment.Variables.NESTED: expected a string, got a map',
    ],
  ])('names the file and property path for %j', (properties, message) => {
    // Arrange
    const text = bareFunctionTemplate(properties);

    // Act
    const act = () => parse(text);

    // Assert
    expect(act).toThrow(TemplateError);
    expect(act).toThrow(`${FILE}: ${message}`);
  });

  it('names the Globals path when the bad value comes from Globals.Function', () => {
    // Arrange
    const globals = 'Globals:\n  Function:\n    Runtime: !GetAtt Table.Arn';
    const text = bareFunctionTemplate('CodeUri: dist/fn/\nHandler: fn.handler', globals);

    // Act
    const act = () => parse(text);

    // Assert
    expect(act).toThrow(
      `${FILE}: Globals.Function.Runtime: expected a string, got !GetAtt Table.Arn`,
    );
  });

  it.each([
    [
      'PackageType: Image\nImageUri: repo:latest',
      'Resources.Fn.Properties.PackageType: container image functions are not supported',
    ],
    [
      'Runtime: nodejs22.x\nHandler: fn.handler\nInlineCode: "exports.handler = 1"',
      'Resources.Fn.Properties.InlineCode: inline code is not supported',
    ],
    [
      'Runtime: nodejs22.x\nHandler: fn.handler\nCodeUri: { Bucket: b, Key: k.zip }',
      'Resources.Fn.Properties.CodeUri: an S3 object cannot run locally',
    ],
    [
      'Runtime: nodejs22.x\nHandler: fn.handler\nCodeUri: s3://b/k.zip',
      'Resources.Fn.Properties.CodeUri: an S3 object cannot run locally',
    ],
  ])('rejects code that cannot run locally: %j', (properties, message) => {
    // Arrange
    const text = bareFunctionTemplate(properties);

    // Act
    const act = () => parse(text);

    // Assert
    expect(act).toThrow(`${FILE}: ${message}`);
  });

  it('rejects a template without Resources', () => {
    // Arrange
    const text = 'Description: empty\n';

    // Act
    const act = () => parse(text);

    // Assert
    expect(act).toThrow(`${FILE}: Resources: must be a mapping`);
  });

  it('warns about AWS::Lambda::Function resources, which it does not load', () => {
    // Arrange
    const text = `${functionTemplate('')}\n  Plain:\n    Type: AWS::Lambda::Function`;

    // Act
    const template = parse(text);

    // Assert
    expect(template.functions.map((fn) => fn.logicalId)).toEqual(['Fn']);
    expect(template.warnings).toEqual([
      `${FILE}: Resources.Plain: AWS::Lambda::Function is not loaded; use AWS::Serverless::Function`,
    ]);
  });
});
