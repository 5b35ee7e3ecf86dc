/** A line of the log feed, as far as REPORT lines are concerned. */
export interface ReportEntry {
  requestId?: string;
  source: string;
  message: string;
}

/** How an invocation started, from its REPORT line. */
export interface StartKind {
  cold: boolean;
  /** `Init Duration`, present on a cold start. */
  initMs?: number;
}

const KEPT = 200;

/**
 * Remembers the REPORT lines of the log feed by request id, so that a run can tell whether its
 * invocation started cold (`Init Duration` in its REPORT) or on a warm execution environment.
 * Function URL and `Invoke` responses carry the request id in `x-amzn-RequestId`.
 *
 * @example
 * ```ts
 * const reports = new ReportWatch();
 * connectLogs(parts, names, (entry) => reports.push(entry));
 * const start = await reports.startOf(response.headers.get('x-amzn-requestid'));
 * ```
 */
export class ReportWatch {
  readonly #reports = new Map<string, string>();
  readonly #waiting = new Map<string, (report: string) => void>();

  /** Takes one feed entry; only REPORT lines are kept. */
  push(entry: ReportEntry): void {
    if (entry.source !== 'platform' || !entry.message.startsWith('REPORT')) return;
    const requestId = entry.requestId ?? /RequestId: (\S+)/.exec(entry.message)?.[1];
    if (!requestId) return;
    this.#reports.set(requestId, entry.message);
    if (this.#reports.size > KEPT) this.#reports.delete(this.#reports.keys().next().value ?? '');
    this.#waiting.get(requestId)?.(entry.message);
  }

  /**
   * @param requestId - The invocation's request id (`x-amzn-RequestId`), when the page could read it.
   * @param timeoutMs - How long to wait for its REPORT line.
   * @returns Cold or warm, or `undefined` when the REPORT did not come (or no id was given).
   */
  async startOf(requestId: string | null, timeoutMs = 5000): Promise<StartKind | undefined> {
    if (!requestId) return undefined;
    const report = this.#reports.get(requestId) ?? (await this.#wait(requestId, timeoutMs));
    if (report === undefined) return undefined;
    const init = /Init Duration: ([\d.]+) ms/.exec(report)?.[1];
    return init === undefined ? { cold: false } : { cold: true, initMs: Number(init) };
  }

  #wait(requestId: string, timeoutMs: number): Promise<string | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(requestId);
        resolve(undefined);
      }, timeoutMs);
      this.#waiting.set(requestId, (report) => {
        clearTimeout(timer);
        this.#waiting.delete(requestId);
        resolve(report);
      });
    });
  }
}
