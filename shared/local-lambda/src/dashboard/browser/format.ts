/** How figures read on the page. */

const KIB = 1024;
const MIB = 1024 * 1024;

/**
 * @example
 * ```ts
 * formatBytes(6 * 1024 * 1024); // '6 MiB'
 * ```
 */
export function formatBytes(bytes: number): string {
  if (bytes < KIB) return `${bytes} B`;
  if (bytes < MIB) return `${trim((bytes / KIB).toFixed(bytes < 10 * KIB ? 1 : 0))} KiB`;
  return `${trim((bytes / MIB).toFixed(2))} MiB`;
}

/** `6.00` → `6`, `6.50` → `6.5`. */
function trim(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/**
 * @example
 * ```ts
 * formatMs(1520); // '1.52 s'
 * ```
 */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/**
 * The text of a payload for display: invalid UTF-8 replaced, NUL bytes (the prelude delimiter)
 * made visible.
 *
 * @example
 * ```ts
 * showText(new TextEncoder().encode('a\0b')); // 'a␀b'
 * ```
 */
export function showText(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes).replaceAll('\0', '␀');
}
