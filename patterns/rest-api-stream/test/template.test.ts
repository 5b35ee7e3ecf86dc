import { fileURLToPath } from 'node:url';
import { checkTemplateBundles, checkTemplateOutputs } from '@lambda-streaming/pattern-tools';
import { loadTemplate } from '@lambda-streaming/sam-template';
import { describe, expect, it } from 'vitest';

const template = fileURLToPath(new URL('../template.yaml', import.meta.url));
const FUNCTION = 'RestApiStreamFunction';

describe('rest-api-stream template', () => {
  it('points the function at its built bundle and a streaming handler', async () => {
    // Act: needs `npm run build` in this folder first (turbo runs build before test).
    const results = await checkTemplateBundles(template);

    // Assert
    expect(results.map((result) => result.logicalId)).toEqual([FUNCTION]);
    expect(results[0]?.bundleFile).toMatch(/\/dist\/[^/]+\/handler\.mjs$/);
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
});
