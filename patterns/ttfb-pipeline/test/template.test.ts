import { fileURLToPath } from 'node:url';
import {
  checkTemplateBundles,
  checkTemplateOutputs,
  templateNodeRuntime,
} from '@lambda-streaming/pattern-tools';
import { loadTemplate } from '@lambda-streaming/sam-template';
import { runtimeFromEnvironment } from '@lambda-streaming/testing';
import { describe, expect, it } from 'vitest';

const template = fileURLToPath(new URL('../template.yaml', import.meta.url));
const FUNCTION = 'TtfbPipelineFunction';

describe('ttfb-pipeline template', () => {
  it('points TtfbPipelineFunction at its built bundle and a streaming handler', async () => {
    // Act: needs `npm run build -w patterns/ttfb-pipeline` first (turbo runs build before test).
    const results = await checkTemplateBundles(template);

    // Assert
    expect(results.map((result) => result.logicalId)).toEqual([FUNCTION]);
    expect(results[0]?.bundleFile).toMatch(/dist\/ttfb-pipeline\/handler\.mjs$/);
    expect(results.flatMap((result) => result.problems)).toEqual([]);
  });

  it('streams through an IAM-signed function URL and outputs its name and URL', async () => {
    // Act
    const { functions } = await loadTemplate(template);

    // Assert
    expect(functions[0]?.functionUrl).toEqual({
      authType: 'AWS_IAM',
      invokeMode: 'RESPONSE_STREAM',
    });
    expect(await checkTemplateOutputs(template)).toEqual([]);
  });

  it('names one Node.js runtime for every function, the one the unit tests follow', async () => {
    // Act
    const runtime = await templateNodeRuntime(template);

    // Assert: vitest.config.ts passes it on as AWS_EXECUTION_ENV, as Lambda sets it.
    expect(runtime).toMatch(/^nodejs\d+\.x$/);
    expect(runtimeFromEnvironment()).toBe(runtime);
  });
});
