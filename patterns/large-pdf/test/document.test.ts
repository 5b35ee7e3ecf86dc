import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFieldGuide, GUIDE_DATE, GUIDE_PAGE_COUNT } from '../src/document.js';
import { PLATE_HEIGHT, PLATE_WIDTH, PLATES, renderPlate } from '../src/plates.js';
import { readBuiltGuide } from './built-guide.js';

const BUFFERED_LIMIT = 6_291_556;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('large-pdf field guide', () => {
  let guide: Uint8Array;

  beforeAll(async () => {
    guide = await buildFieldGuide();
  }, 30_000);

  it('builds the same bytes every time', async () => {
    // Act
    const again = await buildFieldGuide();

    // Assert
    expect(sha256(again)).toBe(sha256(guide));
  }, 30_000);

  it('is larger than a buffered response may be, and about 7.4 MB', () => {
    // Assert
    expect(guide.length).toBeGreaterThan(BUFFERED_LIMIT);
    expect(guide.length).toBeGreaterThan(7_000_000);
    expect(guide.length).toBeLessThan(7_500_000);
  });

  it('opens as a PDF with a title page, two pages of notes and one page per plate', async () => {
    // Act
    const pdf = await PDFDocument.load(guide, { updateMetadata: false });

    // Assert
    expect(GUIDE_PAGE_COUNT).toBe(3 + PLATES.length);
    expect(pdf.getPageCount()).toBe(GUIDE_PAGE_COUNT);
    expect(pdf.getTitle()).toBe('Lambda response streaming: a field guide');
    expect(pdf.getCreationDate()).toEqual(GUIDE_DATE);
    expect(Buffer.from(guide.subarray(-5)).toString('latin1')).toBe('%%EOF');
  });

  it('renders each plate as raw RGB pixels', () => {
    // Act
    const pixels = renderPlate(PLATES[0] ?? { title: 'none', c: [0, 0] });

    // Assert
    expect(pixels.length).toBe(PLATE_WIDTH * PLATE_HEIGHT * 3);
    expect(new Set(pixels).size).toBeGreaterThan(10);
  });

  it('is the file the build wrote into the bundle folder', async () => {
    // Act
    const built = await readBuiltGuide();

    // Assert: a mismatch means src/ changed since the last `npm run build -w patterns/large-pdf`.
    expect(sha256(built)).toBe(sha256(guide));
  });

  it('matches the sha256 printed in the README', async () => {
    // Arrange
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');

    // Assert: readers compare their download with this line.
    expect(readme).toContain(`${sha256(guide)}  guide.pdf`);
  });
});
