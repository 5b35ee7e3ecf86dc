import { invalidParameterValue } from './api-error.js';

const DEFAULT_MAX_ITEMS = 50;
const LARGEST_MAX_ITEMS = 10_000;

/**
 * One page of a list operation, with `Marker`/`MaxItems` as the Lambda API takes them. The
 * marker is opaque to clients: here, the base64 of the next index.
 *
 * @param items - Everything, in a stable order.
 * @param query - The request's query (`Marker`, `MaxItems`).
 * @returns The page and, when more remain, `NextMarker`.
 * @throws ApiError 400 for a bad marker or `MaxItems` outside 1…10000.
 * @example
 * ```ts
 * const { page, nextMarker } = paginate(functions, new URLSearchParams('MaxItems=1'));
 * ```
 */
export function paginate<T>(
  items: readonly T[],
  query: URLSearchParams,
): { page: T[]; nextMarker?: string } {
  const start = readMarker(query.get('Marker'), items.length);
  const size = readMaxItems(query.get('MaxItems'));
  const end = Math.min(items.length, start + size);
  const page = items.slice(start, end);
  return end < items.length
    ? { page, nextMarker: Buffer.from(String(end)).toString('base64') }
    : { page };
}

function readMarker(marker: string | null, length: number): number {
  if (marker === null || marker === '') return 0;
  const index = Number(Buffer.from(marker, 'base64').toString('utf8'));
  if (!Number.isInteger(index) || index < 0 || index > length) {
    throw invalidParameterValue(`Invalid marker: ${marker}`);
  }
  return index;
}

function readMaxItems(value: string | null): number {
  if (value === null || value === '') return DEFAULT_MAX_ITEMS;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > LARGEST_MAX_ITEMS) {
    throw invalidParameterValue(
      `MaxItems must be an integer from 1 to ${LARGEST_MAX_ITEMS}, got '${value}'.`,
    );
  }
  return size;
}
