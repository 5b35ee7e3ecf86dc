import { sleep } from '@lambda-streaming/streaming';

/** The sentence the functions stream, one word at a time (as in the 2023 launch sample). */
export const WORDS = [
  'This',
  'function',
  'is',
  'streaming',
  'the',
  'response',
  'back',
  'and',
  'now',
  'it',
  'is',
  'finished!',
] as const;

/** Pause between two words. */
export const WORD_INTERVAL_MS = 500;

/** What `MidstreamErrorFunction` throws once it has streamed {@link WORDS_BEFORE_ERROR} words. */
export const MIDSTREAM_ERROR_MESSAGE = 'This is a custom error mid-stream!';

/** How many words `MidstreamErrorFunction` streams before it fails. */
export const WORDS_BEFORE_ERROR = 4;

/** Options of {@link spokenWords}. */
export interface SpokenWordsOptions {
  /** Pause between two words (default {@link WORD_INTERVAL_MS}). */
  intervalMs?: number;
  /** Throw `Error(MIDSTREAM_ERROR_MESSAGE)` when this many words are out and the next is due. */
  failAfter?: number;
}

/**
 * Yields the sentence word by word: the first at once, each next one `intervalMs` later. Every
 * word ends with a space and the last one with a newline, so a client that prints the chunks
 * as they come shows the sentence growing on one line.
 *
 * @param options - Pacing, and where to fail.
 * @returns The words, as text chunks.
 * @throws Error with {@link MIDSTREAM_ERROR_MESSAGE} after `failAfter` words.
 * @example
 * ```ts
 * for await (const word of spokenWords({ failAfter: 4 })) process.stdout.write(word);
 * ```
 */
export async function* spokenWords(options: SpokenWordsOptions = {}): AsyncGenerator<string> {
  const intervalMs = options.intervalMs ?? WORD_INTERVAL_MS;
  for (const [index, word] of WORDS.entries()) {
    if (index > 0) await sleep(intervalMs);
    if (index === options.failAfter) throw new Error(MIDSTREAM_ERROR_MESSAGE);
    yield index === WORDS.length - 1 ? `${word}\n` : `${word} `;
  }
}

/**
 * The text a client receives when the function stops after `count` words.
 *
 * @param count - Number of words streamed (all of them by default).
 * @returns The words, spaced and terminated exactly as {@link spokenWords} sends them.
 * @example
 * ```ts
 * sentence(2); // 'This function '
 * ```
 */
export function sentence(count: number = WORDS.length): string {
  return WORDS.slice(0, count)
    .map((word, index) => (index === WORDS.length - 1 ? `${word}\n` : `${word} `))
    .join('');
}
