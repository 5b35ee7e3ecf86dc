/** What the checker knows while it reads a README: its session, and shared checks. */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { helpFlags, unknownFlags } from './help-flags.js';
import type { Kind } from './kinds.js';

/** What the lines before have set up, per README (a reader's terminal). */
export interface Session {
  root: string;
  /** Working directory relative to the root. */
  cwd: string;
  /** Shell functions defined so far. */
  functions: Set<string>;
  /** Variables whose value needs AWS (`URL=$(aws cloudformation ...)`). */
  awsVariables: Set<string>;
  /** Files written by earlier lines (`> event.json`, `-o guide.pdf`). */
  files: Set<string>;
  /** The folder the README's `git clone` creates. */
  cloned?: string;
}

/** A command's kind, why, and its problems. */
export interface Analysis {
  kind: Kind;
  reason: string;
  problems: string[];
}

export const LOCAL_URL = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/;

/** Where a command's requests go: the emulator, AWS, or nowhere. */
export function target(words: readonly string[], session: Session): Kind | undefined {
  const variables = [...session.awsVariables].map((name) => new RegExp(`\\$\\{?${name}\\b`));
  if (words.some((word) => /<[\w -]+>|\.on\.aws\b/.test(word) && /:\/\//.test(word)))
    return 'needs-aws';
  if (words.some((word) => variables.some((variable) => variable.test(word)))) return 'needs-aws';
  if (words.some((word) => LOCAL_URL.test(word))) return 'needs-emulator';
  return undefined;
}

/** The options of `args` that the tools' helps do not list. */
export function flagProblems(
  root: string,
  args: readonly string[],
  helps: readonly string[][],
): string[] {
  const known = new Set<string>();
  for (const help of helps) {
    const flags = helpFlags(root, help);
    if (flags === undefined) return [`cannot read the options of ${help.join(' ')}`];
    for (const flag of flags) known.add(flag);
  }
  const unknown = unknownFlags(args, known);
  return unknown.length === 0 ? [] : [`${unknown.join(', ')} not in \`${helps[0]?.join(' ')}\``];
}

/** A file a command names that does not exist (or is not executable). */
export function fileProblems(session: Session, file: string, executable = false): string[] {
  const path = join(session.root, session.cwd, file);
  if (!existsSync(path)) return [`${normalize(join(session.cwd, file))} does not exist`];
  if (!executable || statSync(path).isDirectory()) return [];
  try {
    accessSync(path, constants.X_OK);
    return [];
  } catch {
    return [`${file} is not executable`];
  }
}
