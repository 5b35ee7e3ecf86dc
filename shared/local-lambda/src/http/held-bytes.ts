/**
 * A count of request-body bytes held before their request is authenticated, with a ceiling: the
 * bound that keeps unauthenticated clients from making the emulator hold memory (issue 13).
 */
import { MAX_UNAUTHENTICATED_BYTES } from '../defaults.js';

/**
 * Bytes held, their peak, and the limit.
 *
 * @example
 * ```ts
 * const held = new HeldBytes(1024);
 * if (!held.take(512)) refuse();
 * held.give(512);
 * ```
 */
export class HeldBytes {
  private current = 0;
  private highest = 0;

  constructor(readonly limit: number) {}

  /** Bytes held now. */
  get held(): number {
    return this.current;
  }

  /** The most ever held at once. */
  get peak(): number {
    return this.highest;
  }

  /** @returns `false` (and takes nothing) when `bytes` more would pass the limit. */
  take(bytes: number): boolean {
    if (this.current + bytes > this.limit) return false;
    this.current += bytes;
    this.highest = Math.max(this.highest, this.current);
    return true;
  }

  give(bytes: number): void {
    this.current = Math.max(0, this.current - bytes);
  }
}

/** The emulator-wide count ({@link MAX_UNAUTHENTICATED_BYTES}). */
export const unauthenticatedBytes = new HeldBytes(MAX_UNAUTHENTICATED_BYTES);
