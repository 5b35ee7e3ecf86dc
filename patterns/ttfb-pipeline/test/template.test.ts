import { fileURLToPath } from 'node:url';
import { checkTemplateBundles } from '@lambda-streaming/pattern-tools';
import { describe, expect, it } from 'vitest';

const template = fileURLToPath(new URL('../template.yaml', import.meta.url));

describe('ttfb-pipeline template', () => {
  it('points TtfbPipelineFunction at its built bundle and a streaming handler', async () => {
    // Act: needs `npm run build -w patterns/ttfb-pipeline` first (turbo runs build before test).
    const results = await checkTemplateBundles(template);

    // Assert
    expect(results.map((result) => result.logicalId)).toEqual(['TtfbPipelineFunction']);
    expect(results[0]?.bundleFile).toMatch(/dist\/ttfb-pipeline\/handler\.mjs$/);
    expect(results.flatMap((result) => result.problems)).toEqual([]);
  });
});
