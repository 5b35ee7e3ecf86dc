// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are CloudFormation Fn::Sub text, not JS templates
import { describe, expect, it } from 'vitest';
import { functionTemplate, parse, parseFunction, resolveInVariable } from './helpers.js';

const SECTIONS = `
Parameters:
  Stage: { Type: String, Default: dev }
Mappings:
  Sizes:
    dev: { Memory: 256, Name: small }
    prod: { Memory: 1024, Name: large }
`;

describe('intrinsic functions', () => {
  it.each([
    ['!Ref Stage', 'dev'],
    ['!Ref AWS::Region', 'us-east-1'],
    ['!Ref AWS::AccountId', '123456789012'],
    ['!Ref AWS::StackName', 'demo'],
    ['!Ref AWS::Partition', 'aws'],
    ['!Ref AWS::URLSuffix', 'amazonaws.com'],
    ['!Sub "${Stage}-${AWS::Region}"', 'dev-us-east-1'],
    ['!Sub "${!Literal}-${Stage}"', '${Literal}-dev'],
    ['!Sub ["${Name}-${Stage}", { Name: !FindInMap [Sizes, prod, Name] }]', 'large-dev'],
    ['!Join ["/", [a, !Ref Stage, 3]]', 'a/dev/3'],
    ['!Select [1, [a, b, c]]', 'b'],
    ['!Select ["2", !Split [",", "x,y,z"]]', 'z'],
    ['!Join ["", !Split ["-", "a-b-c"]]', 'abc'],
    ['!FindInMap [Sizes, !Ref Stage, Name]', 'small'],
    ['!Base64 hello', 'aGVsbG8='],
  ])('resolves `%s` to %j', (yaml, expected) => {
    // Arrange
    const value = yaml;

    // Act
    const result = resolveInVariable(value, SECTIONS);

    // Assert
    expect(result).toBe(expected);
  });

  it('uses the region, account and stack name given in the options', () => {
    // Arrange
    const options = { region: 'cn-north-1', accountId: '111122223333', stackName: 'my-stack' };
    const value =
      '!Sub "${AWS::Partition}:${AWS::Region}:${AWS::AccountId}:${AWS::StackName}:${AWS::URLSuffix}"';

    // Act
    const result = resolveInVariable(value, '', options);

    // Assert
    expect(result).toBe('aws-cn:cn-north-1:111122223333:my-stack:amazonaws.com.cn');
  });

  it('resolves numeric properties from parameters and mappings', () => {
    // Arrange
    const properties = 'MemorySize: !FindInMap [Sizes, prod, Memory]\nTimeout: !Ref Timeout';
    const sections = SECTIONS.replace(
      'Mappings:',
      '  Timeout: { Type: Number, Default: 42 }\nMappings:',
    );

    // Act
    const fn = parseFunction(properties, sections);

    // Assert
    expect(fn.memorySize).toBe(1024);
    expect(fn.timeout).toBe(42);
  });

  it('removes keys and list items that resolve to AWS::NoValue', () => {
    // Arrange
    const properties = [
      'Description: !Ref AWS::NoValue',
      'Architectures: [!Ref AWS::NoValue, arm64]',
      'Environment:',
      '  Variables:',
      '    GONE: !Ref AWS::NoValue',
      '    KEPT: kept',
    ].join('\n');

    // Act
    const fn = parseFunction(properties);

    // Assert
    expect(fn.description).toBeUndefined();
    expect(fn.architectures).toEqual(['arm64']);
    expect(fn.environment).toEqual({ KEPT: 'kept' });
  });

  it('keeps a readable placeholder and a warning for variables that refer to resources', () => {
    // Arrange
    const properties = [
      'Environment:',
      '  Variables:',
      '    ARN: !GetAtt Table.Arn',
      '    NAME: !Ref Table',
      '    PATH: !Sub "arn:${AWS::Partition}:dynamodb:::${Table}/${!Keep}"',
    ].join('\n');

    // Act
    const template = parse(functionTemplate(properties));

    // Assert
    expect(template.functions[0]?.environment).toEqual({
      ARN: '<!GetAtt Table.Arn>',
      NAME: '<!Ref Table>',
      PATH: '<!Sub arn:aws:dynamodb:::${Table}/${!Keep}>',
    });
    expect(template.warnings).toEqual([
      'patterns/demo/template.yaml: Resources.Fn.Properties.Environment.Variables.ARN: !GetAtt Table.Arn cannot be resolved locally; the variable is set to "<!GetAtt Table.Arn>"',
      expect.stringContaining('Environment.Variables.NAME: !Ref Table cannot be resolved locally'),
      expect.stringContaining(
        'Environment.Variables.PATH: !Sub arn:aws:dynamodb:::${Table}/${!Keep}',
      ),
    ]);
  });

  it('fails on a mapping key that does not exist, naming the property', () => {
    // Arrange
    const properties = 'MemorySize: !FindInMap [Sizes, test, Memory]';

    // Act
    const act = () => parseFunction(properties, SECTIONS);

    // Assert
    expect(act).toThrow(
      'patterns/demo/template.yaml: Resources.Fn.Properties.MemorySize: Fn::FindInMap: Mappings.Sizes.test.Memory does not exist',
    );
  });

  it('uses the DefaultValue of Fn::FindInMap when the key is missing', () => {
    // Arrange
    const value = '!FindInMap [Sizes, test, Name, { DefaultValue: fallback }]';

    // Act
    const result = resolveInVariable(value, SECTIONS);

    // Assert
    expect(result).toBe('fallback');
  });
});
