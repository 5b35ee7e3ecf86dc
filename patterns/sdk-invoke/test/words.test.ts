import { describe, expect, it } from 'vitest';
import {
  MIDSTREAM_ERROR_MESSAGE,
  sentence,
  spokenWords,
  WORDS,
  WORDS_BEFORE_ERROR,
} from '../src/words.js';

async function collect(
  source: AsyncIterable<string>,
): Promise<{ words: string[]; error?: unknown }> {
  const words: string[] = [];
  try {
    for await (const word of source) words.push(word);
    return { words };
  } catch (error) {
    return { words, error };
  }
}

describe('sdk-invoke spoken words', () => {
  it('yields each word with a space, and the last one with a newline', async () => {
    // Act
    const { words, error } = await collect(spokenWords({ intervalMs: 0 }));

    // Assert
    expect(error).toBeUndefined();
    expect(words).toHaveLength(WORDS.length);
    expect(words[0]).toBe('This ');
    expect(words.at(-1)).toBe('finished!\n');
    expect(words.join('')).toBe(sentence());
  });

  it('throws the custom error after the given number of words', async () => {
    // Act
    const { words, error } = await collect(
      spokenWords({ intervalMs: 0, failAfter: WORDS_BEFORE_ERROR }),
    );

    // Assert
    expect(words.join('')).toBe('This function is streaming ');
    expect(error).toEqual(new Error(MIDSTREAM_ERROR_MESSAGE));
  });

  it('spells out any prefix of the sentence as it is sent', () => {
    // Assert
    expect(sentence(0)).toBe('');
    expect(sentence(2)).toBe('This function ');
    expect(sentence()).toBe(
      'This function is streaming the response back and now it is finished!\n',
    );
  });
});
