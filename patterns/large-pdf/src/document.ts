import { createHash } from 'node:crypto';
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  PDFHexString,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  StandardFonts,
} from 'pdf-lib';
import * as text from './guide-text.js';
import {
  A4,
  ACCENT,
  drawParagraph,
  drawTable,
  type Fonts,
  groupThousands,
  heading,
  INK,
  MARGIN,
} from './layout.js';
import {
  MAX_ITERATIONS,
  PLATE_HEIGHT,
  PLATE_WIDTH,
  PLATES,
  type PlateSpec,
  renderPlate,
} from './plates.js';

/** The date stamped into the document: a constant, so every build writes the same bytes. */
export const GUIDE_DATE = new Date('2026-11-30T00:00:00Z');
/** Title page, arrival schedule, rules of thumb, then one page per plate. */
export const GUIDE_PAGE_COUNT = 3 + PLATES.length;

const MB = 1024 * 1024;

/**
 * Builds the field guide: a PDF of about 7.4 MB that is byte for byte the same on every call,
 * on every machine (fixed dates, producer and document ID; pixels computed with plain
 * floating-point arithmetic).
 *
 * @returns The PDF file's bytes.
 * @example
 * ```ts
 * await writeFile('field-guide.pdf', await buildFieldGuide());
 * ```
 */
export async function buildFieldGuide(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  stampMetadata(doc);
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  drawTitlePage(doc.addPage(A4), fonts);
  drawSchedulePage(doc.addPage(A4), fonts);
  drawRulesPage(doc.addPage(A4), fonts);
  PLATES.forEach((_, index) => {
    drawPlatePage(doc, doc.addPage(A4), fonts, index);
  });
  return doc.save({ useObjectStreams: true });
}

/** Everything pdf-lib would otherwise fill with "now" is set to constants. */
function stampMetadata(doc: PDFDocument): void {
  doc.setTitle('Lambda response streaming: a field guide');
  doc.setAuthor('lambda-streaming, pattern large-pdf');
  doc.setSubject('Streaming a response larger than 6 MB from AWS Lambda');
  doc.setKeywords(['AWS Lambda', 'response streaming', 'function URL']);
  doc.setCreator('patterns/large-pdf/src/build-document.ts');
  doc.setProducer('pdf-lib 1.17.1');
  doc.setLanguage('en');
  doc.setCreationDate(GUIDE_DATE);
  doc.setModificationDate(GUIDE_DATE);
  const id = createHash('sha256').update('lambda-streaming field guide 1').digest('hex');
  const hexId = PDFHexString.of(id.slice(0, 32));
  doc.context.trailerInfo.ID = doc.context.obj([hexId, hexId]);
}

function drawTitlePage(page: PDFPage, fonts: Fonts): void {
  let y = A4[1] - 140;
  page.drawText(text.TITLE, { x: MARGIN, y, size: 30, font: fonts.bold, color: ACCENT });
  y -= 34;
  page.drawText(text.SUBTITLE, { x: MARGIN, y, size: 15, font: fonts.regular, color: INK });
  y -= 60;
  for (const paragraph of text.INTRODUCTION) {
    y = drawParagraph(page, paragraph, y, fonts.regular) - 12;
  }
  drawParagraph(page, text.CONTENTS, y - 24, fonts.bold, 10);
}

function drawSchedulePage(page: PDFPage, fonts: Fonts): void {
  let y = heading(page, text.SCHEDULE_TITLE, fonts);
  y = drawParagraph(page, text.SCHEDULE_INTRODUCTION, y, fonts.regular) - 16;
  const rows = Array.from({ length: 16 }, (_, index) => {
    const bytes = (index + 1) * (MB / 2);
    const capped = Math.max(bytes - 6 * MB, 0);
    return [
      groupThousands(bytes),
      (bytes / MB).toFixed(2),
      capped === 0 ? 'burst, uncapped' : 'capped, 2 MB/s',
      `+${(capped / (2 * MB)).toFixed(3)} s`,
    ];
  });
  y = drawTable(page, fonts, y, ['Bytes sent', 'MB', 'Phase', 'Earliest arrival'], rows) - 28;
  page.drawText(text.TAIL_TITLE, { x: MARGIN, y, size: 14, font: fonts.bold, color: ACCENT });
  y = drawParagraph(page, text.TAIL_INTRODUCTION, y - 22, fonts.regular) - 12;
  const tails = [7, 10, 20, 50, 100, 200].map((size) => [
    `${size} MB`,
    `${((size - 6) / 2).toFixed(1)} s`,
  ]);
  drawTable(page, fonts, y, ['Response size', 'Added after the burst'], tails);
}

function drawRulesPage(page: PDFPage, fonts: Fonts): void {
  let y = heading(page, text.RULES_TITLE, fonts);
  text.RULES.forEach((rule, index) => {
    page.drawText(`${index + 1}.`, { x: MARGIN, y, size: 11, font: fonts.bold, color: ACCENT });
    y = drawParagraph(page, rule, y, fonts.regular, 11, MARGIN + 20) - 14;
  });
}

function drawPlatePage(doc: PDFDocument, page: PDFPage, fonts: Fonts, index: number): void {
  const plate = PLATES[index];
  if (!plate) throw new Error(`There is no plate ${index}`);
  let y = heading(page, `Plate ${index + 1}: ${plate.title}`, fonts);
  const width = A4[0] - 2 * MARGIN;
  const height = (width * PLATE_HEIGHT) / PLATE_WIDTH;
  // Raw, uncompressed RGB on purpose: it makes the file large, which is what this pattern needs.
  const image = doc.context.stream(renderPlate(plate), {
    Type: 'XObject',
    Subtype: 'Image',
    Width: PLATE_WIDTH,
    Height: PLATE_HEIGHT,
    ColorSpace: 'DeviceRGB',
    BitsPerComponent: 8,
  });
  const name = page.node.newXObject('Plate', doc.context.register(image));
  y -= height;
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(width, 0, 0, height, MARGIN, y),
    drawObject(name),
    popGraphicsState(),
  );
  y = drawParagraph(page, plateCaption(plate), y - 24, fonts.bold, 10) - 12;
  drawParagraph(page, text.PLATE_NOTES[index] ?? '', y, fonts.regular, 11);
}

function plateCaption(plate: PlateSpec): string {
  const [re, im] = plate.c;
  return (
    `Julia set of z -> z^2 + c with c = ${re} ${im < 0 ? '-' : '+'} ${Math.abs(im)}i, ` +
    `${PLATE_WIDTH} x ${PLATE_HEIGHT} pixels, ${MAX_ITERATIONS} iterations, ` +
    `${groupThousands(PLATE_WIDTH * PLATE_HEIGHT * 3)} bytes of this file.`
  );
}
