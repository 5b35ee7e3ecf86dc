/**
 * The generated drawings of the field guide: Julia sets rendered to raw RGB pixels. Only
 * IEEE-754 additions, multiplications and comparisons are used, so every machine and every
 * Node.js version computes exactly the same bytes.
 */

/** One plate: a Julia set z -> z^2 + c. */
export interface PlateSpec {
  title: string;
  /** Real and imaginary part of c. */
  c: readonly [number, number];
}

/** Width of every plate, in pixels. */
export const PLATE_WIDTH = 780;
/** Height of every plate, in pixels. */
export const PLATE_HEIGHT = 450;
/** Iterations before a point counts as inside the set. */
export const MAX_ITERATIONS = 64;

/** The plates, in the order they appear. */
export const PLATES: readonly PlateSpec[] = [
  { title: 'Dendrite', c: [0, 1] },
  { title: 'Douady rabbit', c: [-0.123, 0.745] },
  { title: 'San Marco dragon', c: [-0.75, 0.11] },
  { title: 'Siegel disk', c: [-0.391, -0.587] },
  { title: 'Spiral arms', c: [0.285, 0.01] },
  { title: 'Seahorse valley', c: [-0.8, 0.156] },
  { title: 'Dust', c: [-0.70176, -0.3842] },
];

/** Colour stops of the palette, from the outside of the set inwards. */
const STOPS: readonly (readonly [number, number, number])[] = [
  [8, 18, 48],
  [16, 84, 160],
  [64, 176, 216],
  [240, 240, 200],
  [248, 160, 48],
  [160, 32, 32],
];
const INSIDE: readonly [number, number, number] = [10, 10, 20];

/**
 * Renders one plate as raw 8-bit RGB pixels, row by row from the top.
 *
 * @param spec - The plate to draw.
 * @param width - Width in pixels.
 * @param height - Height in pixels.
 * @returns `width * height * 3` bytes.
 */
export function renderPlate(
  spec: PlateSpec,
  width = PLATE_WIDTH,
  height = PLATE_HEIGHT,
): Uint8Array {
  const pixels = new Uint8Array(width * height * 3);
  const [cx, cy] = spec.c;
  const scale = 3.9 / width;
  let offset = 0;
  for (let row = 0; row < height; row++) {
    const y0 = (height / 2 - row) * scale;
    for (let column = 0; column < width; column++) {
      const n = escapeTime((column - width / 2) * scale, y0, cx, cy) * 3;
      pixels[offset++] = PALETTE[n] as number;
      pixels[offset++] = PALETTE[n + 1] as number;
      pixels[offset++] = PALETTE[n + 2] as number;
    }
  }
  return pixels;
}

function escapeTime(x0: number, y0: number, cx: number, cy: number): number {
  let x = x0;
  let y = y0;
  for (let n = 0; n < MAX_ITERATIONS; n++) {
    const xx = x * x;
    const yy = y * y;
    if (xx + yy > 4) return n;
    y = 2 * x * y + cy;
    x = xx - yy + cx;
  }
  return MAX_ITERATIONS;
}

/** RGB for every escape time: integer steps between the stops, the inside colour last. */
const PALETTE: Uint8Array = (() => {
  const steps = 8;
  const palette = new Uint8Array((MAX_ITERATIONS + 1) * 3);
  for (let n = 0; n < MAX_ITERATIONS; n++) {
    const position = n % (steps * STOPS.length);
    const from = STOPS[Math.floor(position / steps)] ?? INSIDE;
    const to = STOPS[(Math.floor(position / steps) + 1) % STOPS.length] ?? INSIDE;
    const t = position % steps;
    for (let channel = 0; channel < 3; channel++) {
      const a = from[channel] ?? 0;
      const b = to[channel] ?? 0;
      palette[n * 3 + channel] = a + Math.floor(((b - a) * t) / steps);
    }
  }
  palette.set(INSIDE, MAX_ITERATIONS * 3);
  return palette;
})();
