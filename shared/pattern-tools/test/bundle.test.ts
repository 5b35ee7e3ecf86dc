import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BundleError, bundleFunctions } from '../src/index.js';
import { copyFixture, editTemplate, removeCopy, runBin, runNode } from './helpers.js';

describe('bundleFunctions', () => {
  let dir = '';
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);

  beforeEach(async () => {
    dir = await copyFixture('greeting');
    lines.length = 0;
  });

  afterEach(async () => {
    await removeCopy(dir);
  });

  it('writes one ESM .mjs bundle with a source map per handler, building shared folders once', async () => {
    // Arrange
    const options = { cwd: dir, log };

    // Act
    const outputs = await bundleFunctions(options);

    // Assert
    expect(outputs.map((output) => [output.outputFile, output.functions])).toEqual([
      [join(dir, 'dist/greet/greet.mjs'), ['GreetFunction']],
      [join(dir, 'dist/legacy/legacy.mjs'), ['LegacyFunction']],
      [join(dir, 'dist/shared/shared.mjs'), ['SharedAFunction', 'SharedBFunction']],
    ]);
    expect(existsSync(join(dir, 'dist/greet/greet.mjs.map'))).toBe(true);
    const code = await readFile(join(dir, 'dist/greet/greet.mjs'), 'utf8');
    expect(code).toMatch(
      /^import \{ createRequire as __bundleCreateRequire \} from 'node:module';/,
    );
    expect(code).toMatch(/^export \{\n {2}handler\n\};$/m);
    expect(lines).toEqual([
      expect.stringMatching(/^dist\/greet\/greet\.mjs {2}\d+(\.\d)? (B|KiB) {2}\(GreetFunction\)$/),
      expect.stringMatching(/^dist\/legacy\/legacy\.mjs .*\(LegacyFunction\)$/),
      expect.stringMatching(/^dist\/shared\/shared\.mjs .*\(SharedAFunction, SharedBFunction\)$/),
    ]);
  });

  it('produces bundles that import and run under node, CommonJS dependencies included', async () => {
    // Arrange
    await bundleFunctions({ cwd: dir, log });
    const script = `
      const legacy = await import('./dist/legacy/legacy.mjs');
      const greet = await import('./dist/greet/greet.mjs');
      let body = '';
      await greet.handler({}, { write: (chunk) => (body += chunk), end: () => {} });
      console.log(JSON.stringify({ platform: await legacy.handler(), body }));
    `;

    // Act
    const stdout = await runNode(script, dir);

    // Assert
    expect(JSON.parse(stdout)).toEqual({ platform: process.platform, body: 'hello world' });
  });

  it('empties each bundle folder first so no stale file ships', async () => {
    // Arrange
    await mkdir(join(dir, 'dist/greet'), { recursive: true });
    await writeFile(join(dir, 'dist/greet/old-handler.mjs'), 'export const handler = 1;');
    await mkdir(join(dir, 'dist/unrelated'), { recursive: true });
    await writeFile(join(dir, 'dist/unrelated/keep.txt'), 'not a bundle folder');

    // Act
    await bundleFunctions({ cwd: dir, log });

    // Assert
    expect(existsSync(join(dir, 'dist/greet/old-handler.mjs'))).toBe(false);
    expect(existsSync(join(dir, 'dist/greet/greet.mjs'))).toBe(true);
    expect(existsSync(join(dir, 'dist/unrelated/keep.txt'))).toBe(true);
  });

  it('fails before touching dist/ when an entry file is missing', async () => {
    // Arrange
    await editTemplate(dir, 'Handler: legacy.handler', 'Handler: missing.handler');
    await mkdir(join(dir, 'dist/greet'), { recursive: true });
    await writeFile(join(dir, 'dist/greet/old.mjs'), '');

    // Act
    const result = bundleFunctions({ cwd: dir, log });

    // Assert
    await expect(result).rejects.toThrow(BundleError);
    await expect(result).rejects.toThrow(
      /Resources\.LegacyFunction\.Properties\.Handler: "missing\.handler" needs .*src\/missing\.ts, which does not exist/,
    );
    expect(existsSync(join(dir, 'dist/greet/old.mjs'))).toBe(true);
  });

  it('rejects a CodeUri outside dist/, which it would otherwise empty', async () => {
    // Arrange
    await editTemplate(dir, 'CodeUri: dist/legacy/', 'CodeUri: src/');

    // Act
    const result = bundleFunctions({ cwd: dir, log });

    // Assert
    await expect(result).rejects.toThrow(
      'Resources.LegacyFunction.Properties.CodeUri: must be a folder under dist/ (dist/<bundle-name>/)',
    );
    expect(existsSync(join(dir, 'src/legacy.ts'))).toBe(true);
  });

  it('targets the Node.js major the template runs, the oldest one where functions share a bundle', async () => {
    // Arrange: the fixture runs on nodejs24.x; one function of the shared bundle stays on 22.
    await editTemplate(
      dir,
      'CodeUri: dist/shared/\n      Handler: shared.handler\n\n  # The second',
      'CodeUri: dist/shared/\n      Handler: shared.handler\n      Runtime: nodejs22.x\n\n  # The second',
    );

    // Act
    const outputs = await bundleFunctions({ cwd: dir, log });

    // Assert
    expect(outputs.map((output) => [output.functions[0], output.target])).toEqual([
      ['GreetFunction', 'node24'],
      ['LegacyFunction', 'node24'],
      ['SharedAFunction', 'node22'],
    ]);
  });

  it('refuses a function whose runtime is not Node.js, before touching dist/', async () => {
    // Arrange
    await editTemplate(
      dir,
      'Handler: legacy.handler',
      'Handler: legacy.handler\n      Runtime: python3.13',
    );

    // Act
    const result = bundleFunctions({ cwd: dir, log });

    // Assert
    await expect(result).rejects.toThrow(
      'Resources.LegacyFunction.Properties.Runtime: "python3.13" is not a Node.js runtime (nodejs<major>.x)',
    );
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('exits with code 1 and the message from the bundle-functions bin when an entry is missing', async () => {
    // Arrange
    await editTemplate(dir, 'Handler: shared.handler', 'Handler: gone.handler');

    // Act
    const { code, stderr } = await runBin('bundle-functions', [], dir);

    // Assert
    expect(code).toBe(1);
    expect(stderr).toContain('"gone.handler" needs');
    expect(stderr).toContain('src/gone.ts, which does not exist');
  });
});
