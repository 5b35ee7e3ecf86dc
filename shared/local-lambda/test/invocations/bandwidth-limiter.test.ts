import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BandwidthLimiter,
  createBandwidthLimiter,
} from '../../src/invocations/bandwidth-limiter.js';
import { SizeGate } from '../../src/invocations/size-gate.js';

const MiB = 1024 * 1024;
const KiB = 1024;

/** Lets stream callbacks (nextTick, microtasks) run without moving the fake clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

function lambdaLimiter(): { limiter: BandwidthLimiter; received: () => number } {
  const limiter = new BandwidthLimiter({ burstBytes: 6 * MiB, bytesPerSecond: 2 * MiB });
  let total = 0;
  limiter.on('data', (chunk: Buffer) => {
    total += chunk.length;
  });
  return { limiter, received: () => total };
}

/** Writes `bytes` in 64 KiB chunks, each when the limiter accepts it. */
async function feed(limiter: BandwidthLimiter, bytes: number): Promise<void> {
  for (let sent = 0; sent < bytes; sent += 64 * KiB) {
    if (!limiter.write(Buffer.alloc(Math.min(64 * KiB, bytes - sent)))) {
      await new Promise((resolve) => limiter.once('drain', resolve));
    }
  }
}

describe('bandwidth limiter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets the 6 MiB burst through at once', async () => {
    // Arrange
    const { limiter, received } = lambdaLimiter();

    // Act
    const writing = feed(limiter, 6 * MiB);
    await settle();
    await writing;
    await settle();

    // Assert
    expect(received()).toBe(6 * MiB);
    expect(limiter.availableTokens).toBe(0);
  });

  it('then sends 256 KiB every 125 ms (2 MiB/s)', async () => {
    // Arrange
    const { limiter, received } = lambdaLimiter();
    void feed(limiter, 7 * MiB);
    await settle();
    const afterBurst = received();

    // Act
    await vi.advanceTimersByTimeAsync(125);
    const afterOneTick = received();
    await vi.advanceTimersByTimeAsync(375);
    const afterHalfSecond = received();

    // Assert
    expect(afterBurst).toBe(6 * MiB);
    expect(afterOneTick).toBe(6 * MiB + 256 * KiB);
    expect(afterHalfSecond).toBe(7 * MiB);
  });

  it('splits a write larger than the tokens and pushes each piece as soon as it is allowed', async () => {
    // Arrange
    const limiter = new BandwidthLimiter({ burstBytes: 100, bytesPerSecond: 80, tickMs: 125 });
    const pieces: number[] = [];
    limiter.on('data', (chunk: Buffer) => pieces.push(chunk.length));

    // Act
    limiter.write(Buffer.alloc(125));
    await settle();
    const beforeTick = [...pieces];
    await vi.advanceTimersByTimeAsync(125 * 3);

    // Assert
    expect(beforeTick).toEqual([100]);
    expect(pieces).toEqual([100, 10, 10, 5]);
  });

  it('refills the bucket while idle, up to its capacity only', async () => {
    // Arrange
    const { limiter, received } = lambdaLimiter();
    void feed(limiter, 6 * MiB);
    await settle();

    // Act
    await vi.advanceTimersByTimeAsync(10_000);
    const tokens = limiter.availableTokens;
    const timersWhenFull = vi.getTimerCount();
    void feed(limiter, 7 * MiB);
    await settle();

    // Assert
    expect(tokens).toBe(6 * MiB);
    expect(timersWhenFull).toBe(0);
    expect(received()).toBe(12 * MiB);
  });

  it('takes no more input while its reader is not reading', async () => {
    // Arrange
    const limiter = new BandwidthLimiter({ burstBytes: 6 * MiB, bytesPerSecond: 2 * MiB });
    let accepted = 0;

    // Act
    for (let i = 0; i < 100 && limiter.write(Buffer.alloc(64 * KiB)); i++) accepted++;
    await settle();

    // Assert
    expect(accepted).toBeLessThan(100);
    expect(limiter.readableLength).toBeLessThanOrEqual(128 * KiB);
    expect(limiter.writableLength).toBeLessThanOrEqual(128 * KiB);
  });

  it('sends everything at once after disable()', async () => {
    // Arrange
    const { limiter, received } = lambdaLimiter();
    void feed(limiter, 10 * MiB);
    await settle();

    // Act
    limiter.disable();
    await settle();
    await settle();

    // Assert
    expect(received()).toBe(10 * MiB);
  });

  it('is a plain PassThrough when the limit is off', () => {
    // Act
    const off = createBandwidthLimiter(false);
    const on = createBandwidthLimiter(true);

    // Assert
    expect(off).toBeInstanceOf(PassThrough);
    expect(on).toBeInstanceOf(BandwidthLimiter);
  });
});

describe('size gate', () => {
  it('passes bytes up to the cap and reports the crossing once', async () => {
    // Arrange
    const crossings: number[] = [];
    const gate = new SizeGate(10, (seen) => crossings.push(seen));
    const out: Buffer[] = [];
    gate.on('data', (chunk: Buffer) => out.push(chunk));

    // Act
    gate.write(Buffer.from('123456'));
    gate.write(Buffer.from('789abc'));
    gate.end(Buffer.from('def'));
    await new Promise((resolve) => gate.once('end', resolve));

    // Assert
    expect(Buffer.concat(out).toString()).toBe('123456789a');
    expect(crossings).toEqual([12]);
    expect(gate.bytesSeen).toBe(12);
  });
});
