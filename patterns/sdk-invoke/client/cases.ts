import { sentence, WORDS, WORDS_BEFORE_ERROR } from '../src/words.js';

/** The three demonstrations, named as on the command line. */
export type CaseName = 'happy' | 'midstream-error' | 'timeout';

/** What the client needs to know about one demonstration. */
export interface InvokeCase {
  name: CaseName;
  /** Logical ID in template.yaml: the function's name in the local emulator. */
  logicalId: string;
  /** CloudFormation output holding the deployed function's name. */
  outputKey: string;
  /** What should happen, in one line. */
  expectation: string;
}

/** What one invocation produced. */
export interface InvokeOutcome {
  /** The payload, decoded as UTF-8. */
  text: string;
  /** `InvokeComplete.ErrorCode`; `undefined` for a success. */
  errorCode: string | undefined;
  /** `false` when the stream ended without `InvokeComplete`. */
  completed: boolean;
}

/** The demonstrations in the order `all` runs them. */
export const CASES: readonly InvokeCase[] = [
  {
    name: 'happy',
    logicalId: 'HappyPathFunction',
    outputKey: 'HappyPathFunctionName',
    expectation: `all ${WORDS.length} words, then InvokeComplete without ErrorCode`,
  },
  {
    name: 'midstream-error',
    logicalId: 'MidstreamErrorFunction',
    outputKey: 'MidstreamErrorFunctionName',
    expectation: `${WORDS_BEFORE_ERROR} words, then InvokeComplete with an ErrorCode`,
  },
  {
    name: 'timeout',
    logicalId: 'TimeoutFunction',
    outputKey: 'TimeoutFunctionName',
    expectation: 'the first words until the 1 s timeout, then InvokeComplete with an ErrorCode',
  },
];

/** Names accepted on the command line. */
export const CASE_NAMES: readonly CaseName[] = CASES.map((invokeCase) => invokeCase.name);

/**
 * Looks a demonstration up by name.
 *
 * @param name - A name from {@link CASE_NAMES}.
 * @returns The demonstration.
 * @example
 * ```ts
 * caseNamed('timeout').logicalId; // 'TimeoutFunction'
 * ```
 */
export function caseNamed(name: CaseName): InvokeCase {
  const found = CASES.find((invokeCase) => invokeCase.name === name);
  if (!found) throw new Error(`There is no demonstration named ${name}`);
  return found;
}

/**
 * Tells whether an invocation did what its demonstration promises.
 *
 * @param name - The demonstration.
 * @param outcome - What the invocation produced.
 * @returns `true` when the words and the error code are as expected.
 * @example
 * ```ts
 * behavedAsExpected('happy', { text: sentence(), errorCode: undefined, completed: true }); // true
 * ```
 */
export function behavedAsExpected(name: CaseName, outcome: InvokeOutcome): boolean {
  if (!outcome.completed) return false;
  switch (name) {
    case 'happy':
      return outcome.errorCode === undefined && outcome.text === sentence();
    case 'midstream-error':
      return outcome.errorCode !== undefined && outcome.text === sentence(WORDS_BEFORE_ERROR);
    case 'timeout':
      return (
        outcome.errorCode !== undefined &&
        outcome.text.length < sentence().length &&
        sentence().startsWith(outcome.text)
      );
  }
}
