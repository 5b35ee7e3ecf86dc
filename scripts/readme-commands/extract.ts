/**
 * Finds every README of the repository and the shell lines of its fenced code blocks
 * (```bash, ```sh, ```shell, ```console), indented ones (inside list items) included.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The languages whose blocks hold commands. */
export const SHELL_LANGUAGES = ['bash', 'sh', 'shell', 'console'];

/** One command line of a README, continuation lines (`\` at the end) joined. */
export interface ShellLine {
  /** README path relative to the repository root. */
  readme: string;
  /** Line number (1-based) of the line's first physical line. */
  line: number;
  /** The command, continuation lines joined with a space; `$ ` of a console prompt removed. */
  text: string;
  /** A line of a ```console block without a `$ ` prompt: the output it shows. */
  output: boolean;
  /** Which fenced block of the README it is in (0-based): each block starts at the root. */
  block: number;
}

/**
 * The READMEs the checker reads: the root's, and those of every folder under patterns/ and
 * shared/, and of scripts/ and bench/.
 *
 * @param root - The repository root.
 * @returns Paths relative to the root, in a stable order.
 * @example
 * ```ts
 * findReadmes(root); // ['README.md', 'patterns/large-pdf/README.md', ...]
 * ```
 */
export function findReadmes(root: string): string[] {
  const below = (dir: string) =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => `${dir}/${entry.name}/README.md`)
          .sort()
      : [];
  return [
    'README.md',
    ...below('patterns'),
    ...below('shared'),
    'scripts/README.md',
    'bench/README.md',
  ].filter((path) => existsSync(join(root, path)));
}

/**
 * Extracts the shell lines of one README. Blank and comment-only lines are left out.
 *
 * @param readme - Path relative to the root, for the result.
 * @param text - The README's Markdown.
 * @returns Its shell lines in order.
 * @example
 * ```ts
 * extractShellLines('README.md', '```bash\nnpm test\n```\n'); // [{ readme: 'README.md', line: 2, text: 'npm test', output: false }]
 * ```
 */
export function extractShellLines(readme: string, text: string): ShellLine[] {
  const lines = text.split('\n');
  const found: ShellLine[] = [];
  let block: { indent: string; language: string } | undefined;
  let pending: { line: number; text: string } | undefined;
  let blocks = -1;
  lines.forEach((raw, index) => {
    const fence = /^(\s*)```\s*([\w-]*)\s*$/.exec(raw);
    if (fence && block === undefined) {
      block = { indent: fence[1] ?? '', language: (fence[2] ?? '').toLowerCase() };
      blocks += 1;
      return;
    }
    if (fence && block !== undefined) {
      block = undefined;
      return;
    }
    if (block === undefined || !SHELL_LANGUAGES.includes(block.language)) return;
    const content = raw.startsWith(block.indent) ? raw.slice(block.indent.length) : raw.trimStart();
    const joined = pending === undefined ? content : `${pending.text} ${content.trim()}`;
    const start = pending?.line ?? index + 1;
    if (/\\$/.test(joined)) {
      pending = { line: start, text: joined.slice(0, -1).trimEnd() };
      return;
    }
    pending = undefined;
    if (joined.trim() === '' || joined.trim().startsWith('#')) return;
    if (block.language === 'console') {
      const prompt = /^\$ (.*)$/.exec(joined);
      const text = prompt ? (prompt[1] ?? '') : joined;
      found.push({ readme, line: start, text, output: !prompt, block: blocks });
      return;
    }
    found.push({ readme, line: start, text: joined.trim(), output: false, block: blocks });
  });
  return found;
}

/**
 * Every shell line of every README.
 *
 * @param root - The repository root.
 * @returns The lines, README by README.
 * @example
 * ```ts
 * const lines = readmeShellLines(root);
 * ```
 */
export function readmeShellLines(root: string): ShellLine[] {
  return findReadmes(root).flatMap((readme) =>
    extractShellLines(readme, readFileSync(join(root, readme), 'utf8')),
  );
}
