/** Colours the chart draws with (SVG attributes cannot read CSS variables everywhere). */
export const COLORS = {
  streamed: '#2563eb',
  buffered: '#c2410c',
  events: '#7c3aed',
} as const;
