import { sleep } from '@lambda-streaming/streaming';

/** One section of the report: a heading and its lines. */
export interface ReportSection {
  readonly heading: string;
  readonly lines: readonly string[];
}

/** What the report says. Each section stands for a query that takes a while to run. */
export const SECTIONS: readonly ReportSection[] = [
  {
    heading: 'Orders',
    lines: ['1,284 orders, 6 % more than last week.', 'Busiest hour: Tuesday, 12:00 to 13:00.'],
  },
  {
    heading: 'Fulfilment',
    lines: ['97.8 % shipped within 24 hours.', 'Slowest warehouse: Lyon, 31 hours on average.'],
  },
  {
    heading: 'Returns',
    lines: ['41 returns (3.2 %).', 'Most common reason: wrong size (17).'],
  },
  {
    heading: 'Support',
    lines: ['212 tickets, median first answer in 38 minutes.', 'Satisfaction: 4.6 out of 5.'],
  },
  {
    heading: 'Summary',
    lines: ['A good week: more orders, fewer returns.', 'Look at Lyon before the sale starts.'],
  },
];

/** How long each section takes to prepare (the work a real report would do). */
export const SECTION_WORK_MS = 600;

/** What to put in the report. */
export interface ReportRequest {
  /** How many sections, from 1 to {@link SECTIONS}.length. */
  readonly sections: number;
  /** Who asked: the caller's IAM ARN when API Gateway verified a signature. */
  readonly preparedFor: string;
}

/**
 * The report's first lines: its title and who it is for. Ready at once.
 *
 * @param request - The report asked for.
 * @returns Markdown text.
 * @example
 * ```ts
 * reportTitle({ sections: 5, preparedFor: 'arn:aws:iam::123456789012:user/ana' });
 * ```
 */
export function reportTitle(request: ReportRequest): string {
  return `# Weekly operations report\n\nPrepared for ${request.preparedFor}.\n`;
}

/**
 * One section as Markdown, numbered from 1.
 *
 * @param index - Its position in {@link SECTIONS}.
 * @returns Markdown text, starting with a blank line.
 * @example
 * ```ts
 * renderSection(0); // '\n## 1. Orders\n\n- 1,284 orders, ...\n- Busiest hour: ...\n'
 * ```
 */
export function renderSection(index: number): string {
  const section = SECTIONS[index];
  if (section === undefined) throw new RangeError(`There is no section ${index + 1}`);
  const lines = section.lines.map((line) => `- ${line}\n`).join('');
  return `\n## ${index + 1}. ${section.heading}\n\n${lines}`;
}

/**
 * Builds the report piece by piece: the title at once, then each section when it is ready,
 * `workMs` after the one before. The streaming handler sends each piece as it comes; the
 * buffered one joins them all.
 *
 * @param request - The report asked for.
 * @param workMs - How long each section takes.
 * @returns The title, then one piece per section.
 * @example
 * ```ts
 * for await (const part of reportParts({ sections: 2, preparedFor: 'me' }, 0)) process.stdout.write(part);
 * ```
 */
export async function* reportParts(
  request: ReportRequest,
  workMs: number = SECTION_WORK_MS,
): AsyncGenerator<string> {
  yield reportTitle(request);
  for (let index = 0; index < request.sections; index++) {
    await sleep(workMs);
    yield renderSection(index);
  }
}

/**
 * The whole report as a client receives it, from either route.
 *
 * @param request - The report asked for.
 * @returns The title and every section asked for, joined.
 * @example
 * ```ts
 * wholeReport({ sections: 5, preparedFor: 'me' }).endsWith('starts.\n'); // true
 * ```
 */
export function wholeReport(request: ReportRequest): string {
  const sections = Array.from({ length: request.sections }, (_, index) => renderSection(index));
  return reportTitle(request) + sections.join('');
}
