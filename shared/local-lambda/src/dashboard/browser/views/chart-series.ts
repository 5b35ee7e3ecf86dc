/** The data the bytes-over-time chart draws: its series and its guide lines. */

/** One line of the chart: a response's chunks. */
export interface ChartSeries {
  label: string;
  /** A CSS colour. */
  color: string;
  points: { at: number; total: number }[];
  ttfb?: number;
  ttlb?: number;
}

/** A horizontal line at a number of bytes (the 6 MiB burst). */
export interface ChartGuide {
  bytes: number;
  label: string;
}
