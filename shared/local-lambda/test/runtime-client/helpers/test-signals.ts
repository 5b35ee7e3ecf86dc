/**
 * The test-only routes of the fake Runtime API, through which fixtures signal the test
 * (`POST /test/mark/{name}`, recorded with its arrival number) or wait for it
 * (`GET /test/wait/{name}`, answered on `release(name)`).
 */
import type http from 'node:http';

/** Marks and parked waits. */
export class TestSignals {
  readonly marks: { name: string; seq: number }[] = [];
  readonly #released = new Set<string>();
  readonly #parked = new Map<string, http.ServerResponse[]>();

  /**
   * @param stamp - Gives the next arrival number (shared with the Runtime API records).
   * @param changed - Tells waiters something arrived.
   */
  constructor(
    private readonly stamp: () => number,
    private readonly changed: () => void,
  ) {}

  /** Serves a `/test/...` request; returns `false` for any other path. */
  handle(url: string, res: http.ServerResponse): boolean {
    if (url.startsWith('/test/mark/')) {
      this.marks.push({ name: url.slice('/test/mark/'.length), seq: this.stamp() });
      res.end('ok');
      this.changed();
      return true;
    }
    if (url.startsWith('/test/wait/')) {
      this.#wait(url.slice('/test/wait/'.length), res);
      return true;
    }
    return false;
  }

  /** Answers the fixture's wait for `name`, now or when it comes. */
  release(name: string): void {
    this.#released.add(name);
    for (const res of this.#parked.get(name) ?? []) res.end('released');
    this.#parked.delete(name);
  }

  /** Drops the waits still parked. */
  close(): void {
    for (const list of this.#parked.values()) for (const res of list) res.destroy();
    this.#parked.clear();
  }

  #wait(name: string, res: http.ServerResponse): void {
    if (this.#released.has(name)) res.end('released');
    else this.#parked.set(name, [...(this.#parked.get(name) ?? []), res]);
  }
}
