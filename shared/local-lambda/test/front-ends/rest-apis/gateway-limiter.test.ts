import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createGatewayLimiter } from '../../../src/front-ends/rest-apis/gateway-limiter.js';
import { BandwidthLimiter } from '../../../src/invocations/bandwidth-limiter.js';

describe("API Gateway's streaming bandwidth limit", () => {
  it('lets the first 10 MB through at once, then paces', async () => {
    // Arrange
    const limiter = createGatewayLimiter(true);
    const received: number[] = [];
    limiter.on('data', (chunk: Buffer) => received.push(chunk.length));

    // Act
    limiter.write(Buffer.alloc(10_000_000));
    limiter.write(Buffer.alloc(1_000_000));
    await new Promise((resolve) => setImmediate(resolve));

    // Assert
    expect(limiter).toBeInstanceOf(BandwidthLimiter);
    expect(received.reduce((sum, size) => sum + size, 0)).toBe(10_000_000);
    limiter.destroy();
  });

  it('is off with --no-bandwidth-limit', () => {
    // Act
    const limiter = createGatewayLimiter(false);

    // Assert
    expect(limiter).toBeInstanceOf(PassThrough);
    expect(limiter).not.toBeInstanceOf(BandwidthLimiter);
  });
});
