import { describe, expect, it } from 'vitest';
import { extractShellLines } from '../readme-commands/extract.js';
import { unknownFlags, usedFlags } from '../readme-commands/help-flags.js';
import { parseLine, substitutions } from '../readme-commands/shell-words.js';

describe('README shell lines', () => {
  it('extracts shell blocks, indented ones too, joins continuations and skips comments', () => {
    // Arrange
    const markdown = [
      '```bash',
      '# a comment',
      'curl -N \\',
      '  http://127.0.0.1:3001/',
      '```',
      '```ts',
      'const a = 1;',
      '```',
      '1. In a list:',
      '   ```sh',
      '   npm test',
      '   ```',
      '```console',
      '$ npm start',
      'Press Ctrl-C to stop.',
      '```',
    ].join('\n');

    // Act
    const lines = extractShellLines('README.md', markdown);

    // Assert
    expect(lines.map(({ line, text, output, block }) => ({ line, text, output, block }))).toEqual([
      { line: 3, text: 'curl -N http://127.0.0.1:3001/', output: false, block: 0 },
      { line: 11, text: 'npm test', output: false, block: 2 },
      { line: 14, text: 'npm start', output: false, block: 3 },
      { line: 15, text: 'Press Ctrl-C to stop.', output: true, block: 3 },
    ]);
  });

  it('splits a line into commands, words, assignments and written files', () => {
    // Act
    const parsed = parseLine(
      `A=1 scripts/curl-sigv4 "$URL" -w 'HTTP %{http_code}\\n' -sS | stamp > out.txt # note`,
    );

    // Assert
    expect(parsed).toEqual({
      kind: 'commands',
      commands: [
        {
          assignments: { A: '1' },
          words: ['scripts/curl-sigv4', '$URL', '-w', 'HTTP %{http_code}\\n', '-sS'],
          writes: [],
        },
        { assignments: {}, words: ['stamp'], writes: ['out.txt'] },
      ],
    });
  });

  it('keeps placeholders and substitutions as words, and reads function definitions', () => {
    // Act
    const clone = parseLine('git clone <this repository> dir');
    const url = parseLine('URL=$(aws cloudformation describe-stacks --query "a b")');
    const definition = parseLine('stamp() { while read -r line; do echo "$line"; done; }');

    // Assert
    expect(clone).toMatchObject({
      commands: [{ words: ['git', 'clone', '<this repository>', 'dir'] }],
    });
    expect(url).toMatchObject({ commands: [{ words: [] }] });
    expect(substitutions('$(aws cloudformation describe-stacks --query "a b")')).toEqual([
      'aws cloudformation describe-stacks --query "a b"',
    ]);
    expect(definition).toMatchObject({ kind: 'function', name: 'stamp' });
  });

  it('reads options as a help lists them and finds the unknown ones', () => {
    // Act
    const used = usedFlags(['-sS', '-o', 'a.pdf', '--region=us-east-1', '-', '-3', '--']);
    const unknown = unknownFlags(['--regoin', 'x', '-sS'], new Set(['--region', '-s', '-S']));

    // Assert
    expect(used).toEqual(['-s', '-S', '-o', '--region']);
    expect(unknown).toEqual(['--regoin']);
  });
});
