import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadTemplate, loadTemplates, TemplateError } from '../src/index.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixture = (name: string) => join(FIXTURES, name, 'template.yaml');

describe('loadTemplate', () => {
  it('reads a template file with absolute paths', async () => {
    // Arrange
    const path = relative(process.cwd(), fixture('alpha'));

    // Act
    const template = await loadTemplate(path);

    // Assert
    expect(template).toMatchObject({
      path: fixture('alpha'),
      dir: join(FIXTURES, 'alpha'),
      description: 'alpha fixture',
      outputs: { FunctionUrl: { Value: { 'Fn::GetAtt': ['AlphaFunctionUrl', 'FunctionUrl'] } } },
      warnings: [],
    });
    expect(template.functions[0]).toMatchObject({
      logicalId: 'AlphaFunction',
      templatePath: fixture('alpha'),
      functionUrl: { authType: 'AWS_IAM', invokeMode: 'RESPONSE_STREAM' },
    });
  });

  it.each([
    ['alpha', join(FIXTURES, 'alpha', 'code', 'alpha')],
    ['beta', join(FIXTURES, 'beta-bundles', 'beta')],
  ])('resolves the CodeUri of %s against the template folder', async (name, expected) => {
    // Arrange
    const path = fixture(name);

    // Act
    const template = await loadTemplate(path);

    // Assert
    expect(template.functions[0]?.codeUri).toBe(expected);
  });

  it('defaults AWS::StackName to the template folder name', async () => {
    // Arrange
    const path = fixture('alpha');

    // Act
    const template = await loadTemplate(path);

    // Assert
    expect(template.functions[0]?.environment).toEqual({ STACK: 'alpha' });
  });

  it('fails with a TemplateError naming a file that does not exist', async () => {
    // Arrange
    const path = join(FIXTURES, 'missing', 'template.yaml');

    // Act
    const result = loadTemplate(path);

    // Assert
    await expect(result).rejects.toThrow(TemplateError);
    await expect(result).rejects.toThrow(
      /missing\/template\.yaml: cannot read the template \(ENOENT/,
    );
  });
});

describe('loadTemplates', () => {
  it('loads several templates in order', async () => {
    // Arrange
    const paths = [fixture('alpha'), fixture('beta')];

    // Act
    const templates = await loadTemplates(paths);

    // Assert
    expect(templates.flatMap((t) => t.functions.map((fn) => fn.logicalId))).toEqual([
      'AlphaFunction',
      'BetaFunction',
    ]);
  });

  it('rejects a function logical ID defined in two templates, naming both files', async () => {
    // Arrange
    const paths = [fixture('alpha'), fixture('duplicate')];

    // Act
    const result = loadTemplates(paths);

    // Assert
    await expect(result).rejects.toThrow(TemplateError);
    await expect(result).rejects.toThrow(
      /duplicate\/template\.yaml: Resources\.AlphaFunction: function logical ID "AlphaFunction" is also defined in .*alpha\/template\.yaml/,
    );
  });
});
