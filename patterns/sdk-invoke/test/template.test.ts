import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  checkTemplateBundles,
  checkTemplateOutputs,
  templateNodeRuntime,
} from '@lambda-streaming/pattern-tools';
import { loadTemplate } from '@lambda-streaming/sam-template';
import { runtimeFromEnvironment } from '@lambda-streaming/testing';
import { describe, expect, it } from 'vitest';

const templateFile = fileURLToPath(new URL('../template.yaml', import.meta.url));
const FUNCTIONS = ['HappyPathFunction', 'MidstreamErrorFunction', 'TimeoutFunction'];

describe('sdk-invoke template', () => {
  it('points every function at a built bundle that exports its handler', async () => {
    // Act: needs `npm run build -w patterns/sdk-invoke` first (turbo runs build before test).
    const results = await checkTemplateBundles(templateFile);

    // Assert
    expect(results.map((result) => result.logicalId)).toEqual(FUNCTIONS);
    expect(results.flatMap((result) => result.problems)).toEqual([]);
  });

  it('deploys the happy-path code again as TimeoutFunction, with a 1 second timeout', async () => {
    // Arrange
    const results = await checkTemplateBundles(templateFile);
    const { functions } = await loadTemplate(templateFile);
    const bundleOf = (id: string) => results.find((result) => result.logicalId === id)?.bundleFile;

    // Act
    const timeout = functions.find((fn) => fn.logicalId === 'TimeoutFunction');
    const [happyBundle, timeoutBundle] = ['HappyPathFunction', 'TimeoutFunction'].map(bundleOf);

    // Assert
    expect(timeout?.codeUri).toMatch(/\/dist\/timeout$/);
    expect(timeout?.handler).toBe('handler.handler');
    expect(timeout?.timeout).toBe(1);
    expect(happyBundle).toMatch(/\/dist\/happy-path\/handler\.mjs$/);
    expect(timeoutBundle).toMatch(/\/dist\/timeout\/handler\.mjs$/);
    const [happyCode, timeoutCode] = await Promise.all(
      [happyBundle, timeoutBundle].map((file) => readFile(file ?? '', 'utf8')),
    );
    expect(timeoutCode).toBe(happyCode);
  });

  it('gives every function a streaming, IAM-signed function URL and outputs', async () => {
    // Act
    const { functions } = await loadTemplate(templateFile);

    // Assert
    expect(functions.map((fn) => [fn.logicalId, fn.functionUrl])).toEqual(
      FUNCTIONS.map((id) => [id, { authType: 'AWS_IAM', invokeMode: 'RESPONSE_STREAM' }]),
    );
    expect(await checkTemplateOutputs(templateFile)).toEqual([]);
  });

  it('names one Node.js runtime for every function, the one the unit tests follow', async () => {
    // Act
    const runtime = await templateNodeRuntime(templateFile);

    // Assert: vitest.config.ts passes it on as AWS_EXECUTION_ENV, as Lambda sets it.
    expect(runtime).toMatch(/^nodejs\d+\.x$/);
    expect(runtimeFromEnvironment()).toBe(runtime);
  });
});
