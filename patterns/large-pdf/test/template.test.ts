import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkTemplateBundles,
  checkTemplateOutputs,
  templateNodeRuntime,
} from '@lambda-streaming/pattern-tools';
import { loadTemplate } from '@lambda-streaming/sam-template';
import { runtimeFromEnvironment } from '@lambda-streaming/testing';
import { describe, expect, it } from 'vitest';
import { GUIDE_FILE_NAME } from '../src/guide-file.js';

const templateFile = fileURLToPath(new URL('../template.yaml', import.meta.url));
const FUNCTION = 'LargePdfFunction';

describe('large-pdf template', () => {
  it('points LargePdfFunction at a built bundle that exports its handler', async () => {
    // Act: needs `npm run build -w patterns/large-pdf` first (turbo runs build before test).
    const results = await checkTemplateBundles(templateFile);

    // Assert
    expect(results.map((result) => result.logicalId)).toEqual([FUNCTION]);
    expect(results[0]?.bundleFile).toMatch(/\/dist\/large-pdf\/handler\.mjs$/);
    expect(results.flatMap((result) => result.problems)).toEqual([]);
  });

  it('ships the field guide inside the folder that CodeUri uploads', async () => {
    // Act
    const [fn] = (await loadTemplate(templateFile)).functions;

    // Assert
    expect(fn?.codeUri).toMatch(/\/dist\/large-pdf$/);
    expect(existsSync(join(fn?.codeUri ?? '', GUIDE_FILE_NAME))).toBe(true);
  });

  it('streams through an IAM-signed function URL and outputs its name and URL', async () => {
    // Act
    const template = await loadTemplate(templateFile);

    // Assert
    expect(template.functions[0]?.functionUrl).toEqual({
      authType: 'AWS_IAM',
      invokeMode: 'RESPONSE_STREAM',
    });
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
