import { type PDFFont, type PDFPage, rgb } from 'pdf-lib';

/**
 * Page layout helpers for the field guide: headings, word-wrapped paragraphs and tables on A4
 * pages, with a guard that fails the build when content runs off a page.
 */

/** A4 in PDF points. */
export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = 56;
export const INK = rgb(0.1, 0.12, 0.18);
export const ACCENT = rgb(0.06, 0.33, 0.63);

/** The two standard fonts the guide uses (not embedded, so they add no bytes). */
export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/**
 * Draws a page title.
 *
 * @returns The baseline for the content below it.
 */
export function heading(page: PDFPage, title: string, fonts: Fonts): number {
  const y = A4[1] - 90;
  page.drawText(title, { x: MARGIN, y, size: 20, font: fonts.bold, color: ACCENT });
  return y - 36;
}

/**
 * Draws word-wrapped text from `top` down.
 *
 * @returns The baseline below its last line.
 */
export function drawParagraph(
  page: PDFPage,
  body: string,
  top: number,
  font: PDFFont,
  size = 12,
  x = MARGIN,
): number {
  const maxWidth = A4[0] - MARGIN - x;
  let line = '';
  let y = top;
  for (const word of body.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > maxWidth) {
      page.drawText(line, { x, y, size, font, color: INK });
      y -= size * 1.4;
      line = word;
    } else {
      line = candidate;
    }
  }
  page.drawText(line, { x, y, size, font, color: INK });
  return belowMargin(y - size * 1.4);
}

/**
 * Draws a table with a bold header row, shaded alternate rows and evenly spaced columns.
 *
 * @returns The baseline below the table.
 */
export function drawTable(
  page: PDFPage,
  fonts: Fonts,
  top: number,
  header: string[],
  rows: string[][],
): number {
  const width = A4[0] - 2 * MARGIN;
  const columnWidth = width / header.length;
  const rowHeight = 14;
  let y = top;
  for (const [index, cells] of [header, ...rows].entries()) {
    if (index % 2 === 1) {
      const color = rgb(0.93, 0.95, 0.98);
      page.drawRectangle({ x: MARGIN, y: y - 4, width, height: rowHeight, color });
    }
    const font = index === 0 ? fonts.bold : fonts.regular;
    cells.forEach((cell, column) => {
      page.drawText(cell, { x: MARGIN + 4 + column * columnWidth, y, size: 9.5, font, color: INK });
    });
    y -= rowHeight;
  }
  return belowMargin(y);
}

/**
 * 1234567 -> "1,234,567", without depending on the ICU data of the Node.js build.
 */
export function groupThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Fails the build when a page's content runs into the bottom margin. */
function belowMargin(y: number): number {
  if (y < MARGIN) throw new Error(`The field guide overflows a page (y = ${y.toFixed(1)})`);
  return y;
}
