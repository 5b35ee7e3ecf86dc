/** How figures are written in the reports: short, with their unit. */

/**
 * Milliseconds: two decimals below 10 ms, one below 100, none above.
 *
 * @param ms - Milliseconds.
 * @returns E.g. `1.23 ms`, `45.6 ms`, `4012 ms`.
 * @example
 * ```ts
 * ms(0.4567); // '0.46 ms'
 * ```
 */
export function ms(ms: number): string {
  return `${fixed(ms)} ms`;
}

/**
 * A signed difference in milliseconds.
 *
 * @param delta - Milliseconds, may be negative.
 * @returns E.g. `+0.77 ms`, `-0.10 ms`.
 * @example
 * ```ts
 * plusMs(0.774); // '+0.77 ms'
 * ```
 */
export function plusMs(delta: number): string {
  return `${delta >= 0 ? '+' : '-'}${ms(Math.abs(delta))}`;
}

/**
 * A number with as many decimals as its size deserves (see {@link ms}).
 *
 * @param value - Any figure.
 * @returns The text.
 * @example
 * ```ts
 * fixed(912.7); // '913'
 * ```
 */
export function fixed(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  return value.toFixed(abs < 10 ? 2 : abs < 100 ? 1 : 0);
}

/**
 * A ratio as a percentage.
 *
 * @param ratio - 0.67 for 67 %.
 * @returns E.g. `67%`.
 * @example
 * ```ts
 * percent(0.669); // '67%'
 * ```
 */
export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/**
 * Rows as a Markdown table.
 *
 * @param header - Column titles.
 * @param rows - Cells, as text.
 * @returns The table, one line per row, no trailing newline.
 * @example
 * ```ts
 * markdownTable(['a', 'b'], [['1', '2']]); // '| a | b |\n| --- | --- |\n| 1 | 2 |'
 * ```
 */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Rows as a plain-text table for the terminal, columns padded to their widest cell.
 *
 * @param header - Column titles.
 * @param rows - Cells.
 * @returns The table, no trailing newline.
 * @example
 * ```ts
 * textTable(['a', 'bb'], [['1', '2']]); // 'a  bb\n1  2'
 * ```
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
  return all
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
