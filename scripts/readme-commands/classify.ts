/**
 * Gives every shell line of every README a kind (see kinds.ts) and its problems, reading the
 * lines of each README in order, as a reader's terminal would run them.
 */
import { type Analysis, analyzeCommand, type Session } from './commands.js';
import type { ShellLine } from './extract.js';
import { type Kind, strongest } from './kinds.js';
import { parseLine, type ShellCommand, substitutions } from './shell-words.js';

/** A README line with its kind (undefined: the checker does not know a command in it). */
export interface ClassifiedLine extends ShellLine {
  kind: Kind | undefined;
  reason: string;
  problems: string[];
}

function analyzeWithSubstitutions(command: ShellCommand, session: Session): Analysis[] | string {
  const inner = [...Object.values(command.assignments), ...command.words].flatMap(substitutions);
  const analyses: Analysis[] = [];
  for (const text of inner) {
    const parsed = parseLine(text);
    if (parsed.kind !== 'commands') return `a function definition inside $(${text})`;
    for (const nested of parsed.commands) {
      const analysis = analyzeCommand(nested, session);
      if (analysis === undefined) return `unknown command ${nested.words[0]}`;
      analyses.push(analysis);
    }
  }
  const own = analyzeCommand(command, session);
  if (own === undefined) return `unknown command ${command.words[0]}`;
  if (analyses.some((analysis) => analysis.kind === 'needs-aws')) {
    for (const name of Object.keys(command.assignments)) session.awsVariables.add(name);
  }
  return [own, ...analyses];
}

function classifyLine(line: ShellLine, session: Session): ClassifiedLine {
  if (line.output) return { ...line, kind: 'illustrative', reason: 'shown output', problems: [] };
  const parsed = parseLine(line.text);
  if (parsed.kind === 'function') {
    session.functions.add(parsed.name);
    return { ...line, kind: 'setup', reason: `defines ${parsed.name}`, problems: [] };
  }
  const analyses: Analysis[] = [];
  for (const command of parsed.commands) {
    const result = analyzeWithSubstitutions(command, session);
    if (typeof result === 'string')
      return { ...line, kind: undefined, reason: result, problems: [] };
    analyses.push(...result);
  }
  const kind = strongest(analyses.map((analysis) => analysis.kind));
  const reason = analyses.find((analysis) => analysis.kind === kind)?.reason ?? '';
  return { ...line, kind, reason, problems: analyses.flatMap((analysis) => analysis.problems) };
}

/**
 * Classifies the lines of the READMEs, each README read from the top in its own session.
 *
 * @param root - The repository root (commands run there; files are looked up from there).
 * @param lines - From `readmeShellLines`.
 * @returns The lines with kinds and problems, in the same order.
 * @example
 * ```ts
 * const unclassified = classifyLines(root, readmeShellLines(root)).filter((l) => l.kind === undefined);
 * ```
 */
export function classifyLines(root: string, lines: readonly ShellLine[]): ClassifiedLine[] {
  const sessions = new Map<string, Session & { block: number }>();
  return lines.map((line) => {
    let session = sessions.get(line.readme);
    if (session === undefined) {
      const fresh = { root, cwd: '.', functions: new Set<string>(), block: line.block };
      session = { ...fresh, awsVariables: new Set(), files: new Set() };
      sessions.set(line.readme, session);
    }
    // Each block starts at the repository root, as the READMEs say; the shell state carries on.
    if (session.block !== line.block) session.cwd = '.';
    session.block = line.block;
    return classifyLine(line, session);
  });
}
