import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PAD_BYTES, padSwitch, pageParts } from '../src/page.js';

async function collect(parts: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const part of parts) all.push(part);
  return all;
}

const withoutComments = (html: string) => html.replace(/<!--[\s\S]*?-->\n/g, '');

describe('ttfb-write page', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('yields the head and headline first, then four sections, then closes every tag', async () => {
    // Arrange
    const collecting = collect(pageParts());

    // Act
    await vi.runAllTimersAsync();
    const parts = await collecting;

    // Assert
    expect(parts).toHaveLength(5);
    expect(parts[0]).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(parts[0]).toContain('<h1>Time to first byte with write()</h1>');
    expect(parts.slice(1).every((part) => part.startsWith('<section>'))).toBe(true);
    expect(parts.at(-1)).toMatch(/<\/section>\n<\/main>\n<\/body>\n<\/html>\n$/);
    expect(parts.every((part) => part.endsWith('\n'))).toBe(true);
  });

  it('yields the head at once and each section one interval after the previous one', async () => {
    // Arrange
    const parts: string[] = [];
    const collecting = (async () => {
      for await (const part of pageParts({ intervalMs: 1000 })) parts.push(part);
    })();

    // Act and Assert
    await vi.advanceTimersByTimeAsync(0);
    expect(parts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(parts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(parts).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(3000);
    expect(parts).toHaveLength(5);
    await collecting;
  });

  it('pads every part but the last to at least 100 KiB without changing the page', async () => {
    // Arrange
    const plainParts = collect(pageParts());
    const paddedParts = collect(pageParts({ pad: true }));

    // Act
    await vi.runAllTimersAsync();
    const plain = await plainParts;
    const padded = await paddedParts;

    // Assert
    for (const part of padded.slice(0, -1)) {
      expect(Buffer.byteLength(part)).toBeGreaterThanOrEqual(PAD_BYTES);
    }
    expect(padded.at(-1)).toBe(plain.at(-1));
    expect(padded.map(withoutComments)).toEqual(plain);
  });
});

describe('ttfb-write pad switch', () => {
  it.each([
    { query: undefined, fallback: false, expected: false },
    { query: undefined, fallback: true, expected: true },
    { query: '1', fallback: false, expected: true },
    { query: '0', fallback: true, expected: false },
    { query: 'yes', fallback: false, expected: undefined },
  ])('reads pad=$query with PAD_CHUNKS=$fallback as $expected', ({ query, fallback, expected }) => {
    // Act
    const pad = padSwitch(query, fallback);

    // Assert
    expect(pad).toBe(expected);
  });
});
