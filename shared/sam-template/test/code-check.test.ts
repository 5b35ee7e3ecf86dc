import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTemplate, loadTemplates, TemplateError } from '../src/index.js';
import { indent } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sam-template-code-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes files (path → content) under the temporary folder. */
function files(entries: Record<string, string>): void {
  for (const [path, content] of Object.entries(entries)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** A template.yaml with one function `Fn`, and optional `Globals.Function` / resource `Metadata`. */
function template(properties: string, extra: { globals?: string; metadata?: string } = {}): string {
  const lines = ['Transform: AWS::Serverless-2016-10-31'];
  if (extra.globals) lines.push('Globals:', '  Function:', indent(extra.globals, 2));
  lines.push('Resources:', '  Fn:', '    Type: AWS::Serverless::Function');
  if (extra.metadata) lines.push('    Metadata:', indent(extra.metadata, 3));
  lines.push('    Properties:', indent(properties, 3));
  const path = join(dir, 'template.yaml');
  writeFileSync(path, lines.join('\n'));
  return path;
}

/** As messages show paths: relative to the working directory when below it. */
const shown = (path: string) => {
  const rel = relative(process.cwd(), join(dir, path));
  return rel.startsWith('..') || isAbsolute(rel) ? join(dir, path) : rel;
};
const NODE = 'Runtime: nodejs22.x\nHandler: app.handler';

describe('checking that the code exists (loadTemplates)', () => {
  it('loads a function whose CodeUri folder holds the handler file', async () => {
    // Arrange
    files({ 'dist/fn/app.mjs': 'export const handler = async () => 1;' });
    const path = template(`${NODE}\nCodeUri: dist/fn/`);

    // Act
    const [loaded] = await loadTemplates([path]);

    // Assert
    expect(loaded?.functions.map((fn) => fn.logicalId)).toEqual(['Fn']);
    expect(loaded?.warnings).toEqual([]);
  });

  it('rejects a CodeUri folder that does not exist, naming the property and the folder', async () => {
    // Arrange
    const path = template(`${NODE}\nCodeUri: dist/fn/`);

    // Act
    const result = loadTemplates([path]);

    // Assert
    await expect(result).rejects.toThrow(TemplateError);
    await expect(result).rejects.toThrow(
      `Resources.Fn.Properties.CodeUri: the folder ${shown('dist/fn')} does not exist (it must hold the function's built code: build it first)`,
    );
  });

  it('names Globals.Function.CodeUri when the folder comes from Globals', async () => {
    // Arrange
    const path = template(NODE, { globals: 'CodeUri: build/' });

    // Act
    const result = loadTemplates([path]);

    // Assert
    await expect(result).rejects.toThrow(
      `Globals.Function.CodeUri: the folder ${shown('build')} does not exist`,
    );
  });

  it('rejects a handler file that does not exist, naming the Handler and the files tried', async () => {
    // Arrange
    files({ 'dist/fn/other.mjs': '' });
    const path = template(`${NODE}\nCodeUri: dist/fn/`);

    // Act
    const result = loadTemplates([path]);

    // Assert
    await expect(result).rejects.toThrow(
      `Resources.Fn.Properties.Handler: "app.handler" needs ${shown('dist/fn/app')}.js, .mjs or .cjs, and none exists`,
    );
  });

  it('does not look for the handler file of another runtime', async () => {
    // Arrange
    files({ 'src/requirements.txt': '' });
    const path = template('Runtime: python3.12\nHandler: app.handler\nCodeUri: src/');

    // Act
    const [loaded] = await loadTemplates([path]);

    // Assert
    expect(loaded?.functions[0]?.runtime).toBe('python3.12');
  });

  it('checks the entry points of a function built with Metadata: BuildMethod', async () => {
    // Arrange
    files({ 'src/app.ts': '' });
    const metadata =
      'BuildMethod: esbuild\nBuildProperties:\n  EntryPoints: [app.ts, lib/missing.ts]';
    const path = template(`${NODE}\nCodeUri: src/`, { metadata });

    // Act
    const result = loadTemplates([path]);

    // Assert
    await expect(result).rejects.toThrow(
      `Resources.Fn.Metadata.BuildProperties.EntryPoints[1]: entry point ${shown('src/lib/missing.ts')} does not exist`,
    );
  });

  it('warns that a BuildMethod function whose CodeUri holds only sources must be built', async () => {
    // Arrange
    files({ 'src/app.ts': '' });
    const metadata = 'BuildMethod: esbuild\nBuildProperties:\n  EntryPoints: [app.ts]';
    const path = template(`${NODE}\nCodeUri: src/`, { metadata });

    // Act
    const [loaded] = await loadTemplates([path]);

    // Assert
    expect(loaded?.warnings).toEqual([
      `${path}: Resources.Fn.Metadata.BuildMethod: BuildMethod esbuild builds this function from the sources in ${shown('src')}, which hold no built app.js or .mjs: run \`sam build\` and serve .aws-sam/build/template.yaml`,
    ]);
  });

  it("takes a BuildMethod function's handler source as its entry point when none is listed", async () => {
    // Arrange
    files({ 'src/index.ts': '' });
    const path = template(`${NODE}\nCodeUri: src/`, { metadata: 'BuildMethod: esbuild' });

    // Act
    const result = loadTemplates([path]);

    // Assert
    await expect(result).rejects.toThrow(
      `Resources.Fn.Properties.Handler: entry point ${shown('src/app')}.ts (or .js, .mjs, ...) does not exist`,
    );
  });

  it('accepts a built BuildMethod function (sam build output) without its sources', async () => {
    // Arrange
    files({ 'build/Fn/app.js': 'exports.handler = async () => 1;' });
    const metadata = 'BuildMethod: esbuild\nBuildProperties:\n  EntryPoints: [app.ts]';
    const path = template(`${NODE}\nCodeUri: build/Fn`, { metadata });

    // Act
    const [loaded] = await loadTemplates([path]);

    // Assert
    expect(loaded?.warnings).toEqual([]);
  });

  it('checks nothing in loadTemplate, or with checkCode: false (code not built yet)', async () => {
    // Arrange
    const path = template(`${NODE}\nCodeUri: dist/fn/`);

    // Act
    const single = await loadTemplate(path);
    const [several] = await loadTemplates([path], { checkCode: false });

    // Assert
    expect(single.functions[0]?.codeUri).toBe(join(dir, 'dist/fn'));
    expect(several?.functions[0]?.codeUri).toBe(join(dir, 'dist/fn'));
  });
});
