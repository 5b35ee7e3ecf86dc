import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleFunctions, checkTemplateBundles } from '../src/index.js';
import { copyFixture, editTemplate, removeCopy } from './helpers.js';

const quiet = () => {};

describe('checkTemplateBundles', () => {
  let dir = '';

  beforeEach(async () => {
    dir = await copyFixture('greeting');
  });

  afterEach(async () => {
    await removeCopy(dir);
  });

  it('reports no problems for a freshly built pattern', async () => {
    // Arrange
    await bundleFunctions({ cwd: dir, log: quiet });

    // Act
    const results = await checkTemplateBundles(join(dir, 'template.yaml'));

    // Assert
    expect(results.map((result) => [result.logicalId, result.problems])).toEqual([
      ['GreetFunction', []],
      ['LegacyFunction', []],
      ['SharedAFunction', []],
      ['SharedBFunction', []],
    ]);
    expect(results[0]).toEqual({
      logicalId: 'GreetFunction',
      runtime: 'nodejs24.x',
      handler: 'greet.handler',
      codeUri: join(dir, 'dist/greet'),
      bundleFile: join(dir, 'dist/greet/greet.mjs'),
      problems: [],
    });
  });

  it('reports missing bundle folders and files', async () => {
    // Arrange
    await bundleFunctions({ cwd: dir, log: quiet });
    await rm(join(dir, 'dist/greet'), { recursive: true });
    await rm(join(dir, 'dist/legacy/legacy.mjs'));

    // Act
    const [greet, legacy] = await checkTemplateBundles(join(dir, 'template.yaml'));

    // Assert
    expect(greet?.problems).toEqual([
      'CodeUri dist/greet/ does not exist; run bundle-functions (npm run build)',
    ]);
    expect(legacy?.problems).toEqual([
      'dist/legacy/legacy.mjs does not exist; run bundle-functions (npm run build)',
    ]);
    expect(legacy?.bundleFile).toBeUndefined();
  });

  it('reports a handler the bundle does not export and a stray .js file', async () => {
    // Arrange
    await bundleFunctions({ cwd: dir, log: quiet });
    await editTemplate(dir, 'Handler: legacy.handler', 'Handler: legacy.main');
    await writeFile(join(dir, 'dist/shared/shared.js'), 'exports.handler = async () => 1;');

    // Act
    const [, legacy, shared] = await checkTemplateBundles(join(dir, 'template.yaml'));

    // Assert
    expect(legacy?.problems).toEqual([
      'dist/legacy/legacy.mjs does not export a function named "main" (found undefined)',
    ]);
    expect(shared?.problems).toEqual([
      'the runtime would load dist/shared/shared.js instead of the .mjs bundle; delete it and run bundle-functions (npm run build)',
    ]);
  });

  it('reports URL settings that would not stream and a non-Node runtime', async () => {
    // Arrange
    await bundleFunctions({ cwd: dir, log: quiet });
    await editTemplate(
      dir,
      '      Handler: legacy.handler\n',
      [
        '      Handler: legacy.handler',
        '      Runtime: python3.13',
        '      FunctionUrlConfig:',
        '        AuthType: NONE',
        '',
      ].join('\n'),
    );
    await editTemplate(
      dir,
      'CodeUri: dist/shared/\n      Handler: shared.handler\n',
      [
        'CodeUri: dist/shared/',
        '      Handler: shared.handler',
        '      FunctionUrlConfig:',
        '        AuthType: AWS_IAM',
        '        InvokeMode: RESPONSE_STREAM',
        '',
      ].join('\n'),
    );

    // Act
    const [, legacy, sharedA] = await checkTemplateBundles(join(dir, 'template.yaml'));

    // Assert
    expect(legacy?.problems).toEqual([
      'Runtime "python3.13" is not a Node.js managed runtime (nodejs<major>.x)',
      'FunctionUrlConfig does not set InvokeMode (Lambda defaults to BUFFERED); set it explicitly',
    ]);
    expect(sharedA?.problems).toEqual([
      'FunctionUrlConfig.InvokeMode is RESPONSE_STREAM but "handler" is not wrapped with streamifyResponse, so Lambda would buffer the response',
    ]);
  });
});
