import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { checkTemplateBundles } from '@lambda-streaming/pattern-tools';
import { describe, expect, it } from 'vitest';

const templateFile = new URL('../template.yaml', import.meta.url);
const FUNCTIONS = ['HappyPathFunction', 'MidstreamErrorFunction', 'TimeoutFunction'];

/** The lines of one resource in template.yaml, up to the next blank line. */
async function resource(logicalId: string): Promise<string> {
  const template = await readFile(templateFile, 'utf8');
  const start = template.indexOf(`\n  ${logicalId}:\n`);
  if (start < 0) throw new Error(`template.yaml has no resource ${logicalId}`);
  return template.slice(start, template.indexOf('\n\n', start + 1));
}

/** A built bundle, or a clear failure when the pattern has not been built. */
async function readBundle(folder: string): Promise<string> {
  const file = new URL(`../dist/${folder}/happy-path.mjs`, import.meta.url);
  if (!existsSync(file)) {
    throw new Error(
      `${fileURLToPath(file)} is missing: run \`npm run build -w patterns/sdk-invoke\`.`,
    );
  }
  return readFile(file, 'utf8');
}

describe('sdk-invoke template', () => {
  it('points every function at a built bundle that exports its handler', async () => {
    // Act
    const results = await checkTemplateBundles(fileURLToPath(templateFile));

    // Assert
    expect(results.map((result) => result.logicalId)).toEqual(FUNCTIONS);
    expect(results.flatMap((result) => result.problems)).toEqual([]);
  });

  it('deploys the happy-path code again as TimeoutFunction, with a 1 second timeout', async () => {
    // Act
    const timeout = await resource('TimeoutFunction');
    const bundles = await Promise.all(['happy-path', 'timeout'].map(readBundle));

    // Assert
    expect(timeout).toContain('CodeUri: dist/timeout/');
    expect(timeout).toContain('Handler: happy-path.handler');
    expect(timeout).toMatch(/^ {6}Timeout: 1$/m);
    expect(bundles[1]).toBe(bundles[0]);
  });

  it.each(FUNCTIONS)('gives %s a streaming, IAM-signed function URL and outputs', async (id) => {
    // Arrange
    const template = await readFile(templateFile, 'utf8');

    // Act
    const definition = await resource(id);

    // Assert
    expect(definition).toContain('AuthType: AWS_IAM');
    expect(definition).toContain('InvokeMode: RESPONSE_STREAM');
    expect(template).toMatch(new RegExp(`^ {2}${id}Name:\\n.*\\n {4}Value: !Ref ${id}$`, 'm'));
    expect(template).toContain(`Value: !GetAtt ${id}Url.FunctionUrl`);
  });
});
