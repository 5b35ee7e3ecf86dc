import { describe, expect, it } from 'vitest';
import { formatBanner } from '../../src/cli/banner.js';
import { DEFAULT_CREDENTIALS } from '../../src/defaults.js';

describe('start banner', () => {
  it('prints the dashboard URL at the root of the API endpoint', () => {
    // Arrange
    const lambda = {
      endpoint: 'http://127.0.0.1:3000',
      region: 'us-east-1',
      credentials: { ...DEFAULT_CREDENTIALS },
      functions: [],
      restApis: [],
      warnings: [],
      close: async () => {},
    };

    // Act
    const banner = formatBanner(lambda, '0.1.0');

    // Assert
    expect(banner).toMatch(/^Dashboard {3}http:\/\/127\.0\.0\.1:3000\/ {2}\(open it in a browser/m);
  });
});
