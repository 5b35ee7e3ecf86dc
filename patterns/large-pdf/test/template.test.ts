import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { checkTemplateBundles } from '@lambda-streaming/pattern-tools';
import { describe, expect, it } from 'vitest';
import { GUIDE_FILE_NAME } from '../src/guide-file.js';

const templateFile = new URL('../template.yaml', import.meta.url);

describe('large-pdf template', () => {
  it('points LargePdfFunction at a built bundle that exports its handler', async () => {
    // Act
    const results = await checkTemplateBundles(fileURLToPath(templateFile));

    // Assert
    expect(results.map((result) => result.logicalId)).toEqual(['LargePdfFunction']);
    expect(results.flatMap((result) => result.problems)).toEqual([]);
  });

  it('ships the field guide inside the folder that CodeUri uploads', async () => {
    // Arrange
    const template = await readFile(templateFile, 'utf8');

    // Act
    const codeUri = /^ {6}CodeUri: (\S+)$/m.exec(template)?.[1];

    // Assert
    expect(codeUri).toBe('dist/large-pdf/');
    expect(existsSync(new URL(`../${codeUri}${GUIDE_FILE_NAME}`, import.meta.url))).toBe(true);
  });

  it('streams through a function URL and outputs its name and URL', async () => {
    // Arrange
    const template = await readFile(templateFile, 'utf8');

    // Assert
    expect(template).toContain('InvokeMode: RESPONSE_STREAM');
    expect(template).toMatch(/^ {2}LargePdfFunctionName:$/m);
    expect(template).toContain('!GetAtt LargePdfFunctionUrl.FunctionUrl');
  });
});
