// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are CloudFormation Fn::Sub text, not JS templates
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cloudFormationTags, parseTemplateDocument, TemplateError } from '../src/index.js';

function read(yaml: string): unknown {
  return parseYaml(yaml, { customTags: [...cloudFormationTags] }).Value;
}

describe('CloudFormation short-form tags', () => {
  it.each([
    ['!Ref Stage', { Ref: 'Stage' }],
    ['!Condition IsProd', { Condition: 'IsProd' }],
    ['!Sub "${AWS::Region}-x"', { 'Fn::Sub': '${AWS::Region}-x' }],
    ['!Sub ["${A}-x", { A: !Ref Stage }]', { 'Fn::Sub': ['${A}-x', { A: { Ref: 'Stage' } }] }],
    ['!GetAtt Table.Arn', { 'Fn::GetAtt': ['Table', 'Arn'] }],
    ['!GetAtt Stack.Outputs.Name', { 'Fn::GetAtt': ['Stack', 'Outputs.Name'] }],
    ['!GetAtt [Table, Arn]', { 'Fn::GetAtt': ['Table', 'Arn'] }],
    ['!Join ["-", [a, b]]', { 'Fn::Join': ['-', ['a', 'b']] }],
    ['!Select [0, [a, b]]', { 'Fn::Select': [0, ['a', 'b']] }],
    ['!Split [",", "a,b"]', { 'Fn::Split': [',', 'a,b'] }],
    ['!If [IsProd, a, b]', { 'Fn::If': ['IsProd', 'a', 'b'] }],
    ['!Equals [a, b]', { 'Fn::Equals': ['a', 'b'] }],
    ['!Not [!Condition IsProd]', { 'Fn::Not': [{ Condition: 'IsProd' }] }],
    ['!And [!Condition A, !Condition B]', { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] }],
    ['!Or [!Condition A, !Condition B]', { 'Fn::Or': [{ Condition: 'A' }, { Condition: 'B' }] }],
    ['!FindInMap [Map, Top, Second]', { 'Fn::FindInMap': ['Map', 'Top', 'Second'] }],
    ['!Base64 text', { 'Fn::Base64': 'text' }],
    ['!Cidr ["10.0.0.0/16", 4, 8]', { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }],
    ['!ImportValue shared-table', { 'Fn::ImportValue': 'shared-table' }],
    ["!GetAZs ''", { 'Fn::GetAZs': '' }],
    [
      '!Transform { Name: Macro, Parameters: { A: 1 } }',
      { 'Fn::Transform': { Name: 'Macro', Parameters: { A: 1 } } },
    ],
  ])('reads `%s` as its long form', (yaml, expected) => {
    // Arrange
    const text = `Value: ${yaml}`;

    // Act
    const value = read(text);

    // Assert
    expect(value).toEqual(expected);
  });

  it('reads block sequences and block scalars under a tag', () => {
    // Arrange
    const text = ['Value: !Sub', '  - |', '    ${A}-x', '  - A: !Ref Stage'].join('\n');

    // Act
    const value = read(text);

    // Assert
    expect(value).toEqual({ 'Fn::Sub': ['${A}-x\n', { A: { Ref: 'Stage' } }] });
  });

  it('keeps anchors and aliases working inside tagged collections', () => {
    // Arrange
    const text = ['A: &shared !Join ["-", [a, b]]', 'Value: *shared'].join('\n');

    // Act
    const value = read(text);

    // Assert
    expect(value).toEqual({ 'Fn::Join': ['-', ['a', 'b']] });
  });

  it('rejects an unknown tag with the file and line', () => {
    // Arrange
    const text = 'Resources:\n  A: !Unknown x\n';

    // Act
    const act = () => parseTemplateDocument(text, 'patterns/demo/template.yaml');

    // Assert
    expect(act).toThrow(TemplateError);
    expect(act).toThrow('patterns/demo/template.yaml: line 2, column 6: Unresolved tag: !Unknown');
  });

  it('rejects YAML syntax errors with the file and line', () => {
    // Arrange
    const text = 'Resources:\n  A: 1\n  A: 2\n';

    // Act
    const act = () => parseTemplateDocument(text, 'patterns/demo/template.yaml');

    // Assert
    expect(act).toThrow('patterns/demo/template.yaml: line 3, column 3: Map keys must be unique');
  });
});
