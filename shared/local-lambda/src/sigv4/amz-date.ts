/**
 * The `yyyymmddThhmmssZ` ("ISO-8601 basic") timestamps of SigV4, read and written.
 *
 * @module
 */

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * @param value - An `x-amz-date` value such as `20261130T095403Z`.
 * @returns The instant, or `undefined` when the text is not in the basic format.
 * @example
 * ```ts
 * parseAmzDate('20261130T095403Z')?.toISOString(); // '2026-11-30T09:54:03.000Z'
 * ```
 */
export function parseAmzDate(value: string): Date | undefined {
  const match = AMZ_DATE.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const time = Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second);
  const date = new Date(time);
  return Number.isNaN(time) || formatAmzDate(date) !== value ? undefined : date;
}

/**
 * @param date - An instant.
 * @returns It as `yyyymmddThhmmssZ`.
 * @example
 * ```ts
 * formatAmzDate(new Date(0)); // '19700101T000000Z'
 * ```
 */
export function formatAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}
