import { describe, expect, it } from 'vitest';
import { parse, resolveInVariable } from './helpers.js';

const CONDITIONS = `
Parameters:
  Stage: { Type: String, Default: dev }
  Region: { Type: String, Default: eu-west-1 }
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
  IsDev: !Not [!Condition IsProd]
  IsEuDev: !And [!Condition IsDev, !Equals [!Ref Region, eu-west-1]]
  IsProdOrEu: !Or [!Condition IsProd, !Equals [!Ref Region, eu-west-1]]
`;

describe('conditions', () => {
  it.each([
    ['IsProd', 'dev', 'no'],
    ['IsProd', 'prod', 'yes'],
    ['IsDev', 'dev', 'yes'],
    ['IsEuDev', 'dev', 'yes'],
    ['IsEuDev', 'prod', 'no'],
    ['IsProdOrEu', 'dev', 'yes'],
  ])('evaluates %s with Stage=%s to %s', (condition, stage, expected) => {
    // Arrange
    const value = `!If [${condition}, "yes", "no"]`;

    // Act
    const result = resolveInVariable(value, CONDITIONS, { parameterOverrides: { Stage: stage } });

    // Assert
    expect(result).toBe(expected);
  });

  it('leaves out a function whose Condition is false', () => {
    // Arrange
    const text = `${CONDITIONS}
Resources:
  ProdOnly:
    Type: AWS::Serverless::Function
    Condition: IsProd
    Properties: { Runtime: nodejs22.x, CodeUri: dist/p/, Handler: p.handler }
  Always:
    Type: AWS::Serverless::Function
    Properties: { Runtime: nodejs22.x, CodeUri: dist/a/, Handler: a.handler }
`;

    // Act
    const dev = parse(text);
    const prod = parse(text, { parameterOverrides: { Stage: 'prod' } });

    // Assert
    expect(dev.functions.map((fn) => fn.logicalId)).toEqual(['Always']);
    expect(prod.functions.map((fn) => fn.logicalId)).toEqual(['ProdOnly', 'Always']);
  });

  it('fails on an undefined condition, naming where it is used', () => {
    // Arrange
    const value = '!If [Missing, a, b]';

    // Act
    const act = () => resolveInVariable(value, CONDITIONS);

    // Assert
    expect(act).toThrow(
      'Resources.Fn.Properties.Environment.Variables.VALUE: condition "Missing" is not defined in Conditions',
    );
  });

  it('fails on a condition that compares a resource attribute', () => {
    // Arrange
    const sections = 'Conditions:\n  Odd: !Equals [!GetAtt Table.Arn, x]';

    // Act
    const act = () => resolveInVariable('!If [Odd, a, b]', sections);

    // Assert
    expect(act).toThrow('Conditions.Odd: Fn::Equals needs two values that resolve locally');
  });

  it('fails on conditions that refer to each other in a cycle', () => {
    // Arrange
    const sections = 'Conditions:\n  A: !Not [!Condition B]\n  B: !Not [!Condition A]';

    // Act
    const act = () => resolveInVariable('!If [A, a, b]', sections);

    // Assert
    expect(act).toThrow('the condition refers to itself');
  });
});
