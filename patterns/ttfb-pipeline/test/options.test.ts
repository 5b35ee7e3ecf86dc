import { describe, expect, it } from 'vitest';
import { parseOptions } from '../src/options.js';

describe('ttfb-pipeline options', () => {
  it('uses 20 readings, 250 ms apart, when the query says nothing', () => {
    // Act
    const parsed = parseOptions(undefined);

    // Assert
    expect(parsed).toEqual({ ok: true, options: { count: 20, intervalMs: 250 } });
  });

  it('reads count and intervalMs from the query', () => {
    // Act
    const parsed = parseOptions({ count: '100', intervalMs: '0' });

    // Assert
    expect(parsed).toEqual({ ok: true, options: { count: 100, intervalMs: 0 } });
  });

  it.each([
    [{ count: '0' }, 'count must be a whole number from 1 to 1000'],
    [{ count: '1001' }, 'count must be a whole number from 1 to 1000'],
    [{ count: '2.5' }, 'count must be a whole number from 1 to 1000'],
    [{ count: '' }, 'count must be a whole number from 1 to 1000'],
    [{ count: 'ten' }, 'count must be a whole number from 1 to 1000'],
    [{ intervalMs: '-1' }, 'intervalMs must be a whole number from 0 to 2000'],
    [{ intervalMs: '1e3' }, 'intervalMs must be a whole number from 0 to 2000'],
    [
      { count: '1000', intervalMs: '21' },
      'count × intervalMs must be at most 20000 ms (got 21000)',
    ],
  ])('refuses %o', (query, message) => {
    // Act
    const parsed = parseOptions(query);

    // Assert
    expect(parsed).toEqual({ ok: false, message });
  });
});
