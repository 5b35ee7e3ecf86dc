import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  renderSection,
  reportParts,
  reportTitle,
  SECTION_WORK_MS,
  SECTIONS,
  wholeReport,
} from '../src/report.js';

const request = { sections: SECTIONS.length, preparedFor: 'arn:aws:iam::123456789012:user/ana' };

async function collect(parts: AsyncGenerator<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const part of parts) all.push(part);
  return all;
}

describe('rest-api-stream report', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('renders a section as a numbered Markdown heading with its lines as a list', () => {
    // Act
    const section = renderSection(2);

    // Assert
    expect(section).toBe(
      '\n## 3. Returns\n\n- 41 returns (3.2 %).\n- Most common reason: wrong size (17).\n',
    );
  });

  it('refuses a section that does not exist', () => {
    // Act + Assert
    expect(() => renderSection(SECTIONS.length)).toThrow(RangeError);
  });

  it('yields the title, then each section, and they join into the whole report', async () => {
    // Act
    const pending = collect(reportParts(request));
    await vi.runAllTimersAsync();
    const parts = await pending;

    // Assert
    expect(parts).toEqual([
      reportTitle(request),
      ...SECTIONS.map((_, index) => renderSection(index)),
    ]);
    expect(parts.join('')).toBe(wholeReport(request));
    expect(wholeReport(request)).toMatch(
      /^# Weekly operations report\n\nPrepared for arn:aws:iam::123456789012:user\/ana\.\n/,
    );
  });

  it('takes workMs per section and yields the title at once', async () => {
    // Arrange
    const parts = reportParts({ ...request, sections: 2 }, 100);

    // Act
    const title = await parts.next();
    const first = parts.next();
    let firstReady = false;
    void first.then(() => {
      firstReady = true;
    });
    await vi.advanceTimersByTimeAsync(99);
    const earlyReady = firstReady;
    await vi.advanceTimersByTimeAsync(1);

    // Assert
    expect(title.value).toBe(reportTitle(request));
    expect(earlyReady).toBe(false);
    expect((await first).value).toBe(renderSection(0));
    expect(SECTION_WORK_MS).toBeGreaterThan(0);
  });
});
