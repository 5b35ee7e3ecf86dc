/**
 * Splits one shell command line into commands and words, enough for the commands READMEs show:
 * quotes, `$(...)`, pipes and lists (`|`, `&&`, `||`, `;`), redirections, `NAME=value` prefixes
 * and a trailing `# comment`. It does not expand anything.
 */

/** One simple command of a line. */
export interface ShellCommand {
  /** `NAME=value` words before the command (for `export`, its arguments are words). */
  assignments: Record<string, string>;
  /** The command and its arguments, quotes removed. */
  words: string[];
  /** Files the command writes with `>` or `>>`. */
  writes: string[];
}

/**
 * The command lines inside `$(...)` of a word, for checking what a substitution runs.
 *
 * @param word - A word or assignment value, e.g. `$(aws cloudformation describe-stacks ...)`.
 * @returns The inner command lines.
 * @example
 * ```ts
 * substitutions('$(date +%T) $line'); // ['date +%T']
 * ```
 */
export function substitutions(word: string): string[] {
  const found: string[] = [];
  for (let index = word.indexOf('$('); index !== -1; index = word.indexOf('$(', index + 2)) {
    const end = readSubstitution(word, index + 1);
    found.push(word.slice(index + 2, end - 1));
  }
  return found;
}

/** A line as commands, or a shell function definition. */
export type ParsedLine =
  | { kind: 'commands'; commands: ShellCommand[] }
  | { kind: 'function'; name: string; body: string };

const OPERATORS = ['&&', '||', '|', ';', '&'];

function readQuoted(text: string, start: number, quote: string): number {
  let index = start + 1;
  while (index < text.length && text[index] !== quote) {
    if (quote === '"' && text[index] === '\\') index += 1;
    index += 1;
  }
  return index + 1;
}

function readSubstitution(text: string, start: number): number {
  let depth = 0;
  for (let index = start; index < text.length; index += 1) {
    if (text[index] === '(') depth += 1;
    if (text[index] === ')' && --depth === 0) return index + 1;
    if (text[index] === "'" || text[index] === '"')
      index = readQuoted(text, index, text[index] ?? '') - 1;
  }
  return text.length;
}

/** Raw tokens: words (quotes kept) and operators. */
function tokens(text: string): string[] {
  const found: string[] = [];
  let word = '';
  let index = 0;
  const flush = () => {
    if (word !== '') found.push(word);
    word = '';
  };
  while (index < text.length) {
    const char = text[index] ?? '';
    const operator = OPERATORS.find((op) => text.startsWith(op, index));
    if (/\s/.test(char)) {
      flush();
      index += 1;
    } else if (char === '<' && /^<[A-Za-z][\w .-]*>/.test(text.slice(index))) {
      // A placeholder such as <url-id> or <this repository>, not a redirection.
      const end = text.indexOf('>', index) + 1;
      word += text.slice(index, end);
      index = end;
    } else if (char === '#' && word === '') {
      break;
    } else if (
      operator !== undefined &&
      !(operator === '&' && (word.endsWith('>') || text[index + 1] === '>'))
    ) {
      flush();
      found.push(operator);
      index += operator.length;
    } else if (char === "'" || char === '"') {
      const end = readQuoted(text, index, char);
      word += text.slice(index, end);
      index = end;
    } else if (char === '$' && text[index + 1] === '(') {
      const end = readSubstitution(text, index + 1);
      word += text.slice(index, end);
      index = end;
    } else if (char === '\\') {
      word += text.slice(index, index + 2);
      index += 2;
    } else {
      word += char;
      index += 1;
    }
  }
  flush();
  return found;
}

/** Removes quotes and backslashes, keeping `$VAR` and `$(...)` as written. */
export function unquote(word: string): string {
  let result = '';
  for (let index = 0; index < word.length; index += 1) {
    const char = word[index];
    if (char === "'" || char === '"') {
      const end = readQuoted(word, index, char) - 1;
      result += word.slice(index + 1, end).replace(char === '"' ? /\\(.)/g : /$^/, '$1');
      index = end;
    } else if (char === '\\') {
      result += word[index + 1] ?? '';
      index += 1;
    } else {
      result += char;
    }
  }
  return result;
}

/**
 * Parses one command line.
 *
 * @param line - The line, continuation lines already joined.
 * @returns Its commands, or the function it defines.
 * @example
 * ```ts
 * parseLine('A=1 scripts/curl-sigv4 "$URL" -sS | stamp > out.txt');
 * // { kind: 'commands', commands: [{ assignments: { A: '1' }, words: ['scripts/curl-sigv4', '$URL', '-sS'], writes: [] },
 * //   { assignments: {}, words: ['stamp'], writes: ['out.txt'] }] }
 * ```
 */
export function parseLine(line: string): ParsedLine {
  const definition = /^\s*([A-Za-z_][\w-]*)\s*\(\)\s*\{(.*)\}\s*$/.exec(line);
  if (definition) return { kind: 'function', name: definition[1] ?? '', body: definition[2] ?? '' };
  const commands: ShellCommand[] = [];
  let current: ShellCommand = { assignments: {}, words: [], writes: [] };
  const all = tokens(line);
  for (let index = 0; index < all.length; index += 1) {
    const token = all[index] ?? '';
    if (OPERATORS.includes(token)) {
      if (current.words.length > 0 || Object.keys(current.assignments).length > 0)
        commands.push(current);
      current = { assignments: {}, words: [], writes: [] };
      continue;
    }
    const redirect = /^<[^<>]+>$/.test(token) ? null : /^(\d*|&)(>>?|<)(&\d)?(.*)$/.exec(token);
    if (redirect) {
      let target = redirect[4] ?? '';
      if (target === '' && !redirect[3]) {
        index += 1;
        target = all[index] ?? '';
      }
      if (redirect[2] !== '<' && target !== '') current.writes.push(unquote(target));
      continue;
    }
    const assignment = /^([A-Za-z_]\w*)=(.*)$/.exec(token);
    if (assignment && current.words.length === 0) {
      current.assignments[assignment[1] ?? ''] = unquote(assignment[2] ?? '');
      continue;
    }
    current.words.push(unquote(token));
  }
  if (current.words.length > 0 || Object.keys(current.assignments).length > 0)
    commands.push(current);
  return { kind: 'commands', commands };
}
