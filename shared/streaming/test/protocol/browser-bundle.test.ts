import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../../src/protocol/index.ts', import.meta.url));

// The dashboard bundles the toolkit for the browser: nothing in it may need Node.
describe('the protocol toolkit in a browser bundle', () => {
  it('bundles for platform browser, needing no node: module and no Buffer', async () => {
    // Act
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });

    // Assert
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((input) => input.startsWith('node:'))).toEqual([]);
    expect(inputs.some((input) => input.includes('@smithy/signature-v4'))).toBe(true);
    const own = inputs.filter((input) => input.includes('src/protocol/'));
    expect(own.length).toBeGreaterThan(10);
    for (const input of own) expect(await readFile(input, 'utf8')).not.toMatch(/\bBuffer\b/);
  });
});
