import { describe, expect, it } from 'vitest';
import { createLogFeed } from '../../../src/dashboard/server/log-feed.js';
import type { LogRecord } from '../../../src/logs/function-logs.js';

const line = (message: string): LogRecord => ({ functionName: 'Fn', source: 'stdout', message });

describe('log feed', () => {
  it('passes every line to the sink and to the subscribers, numbered in order', () => {
    // Arrange
    const feed = createLogFeed();
    const sunk: string[] = [];
    const seen: number[] = [];
    feed.subscribe((entry) => seen.push(entry.id));
    const logger = feed.tee((record) => sunk.push(record.message));

    // Act
    logger(line('START'));
    logger(line('hello'));

    // Assert
    expect(sunk).toEqual(['START', 'hello']);
    expect(seen).toEqual([1, 2]);
    expect(feed.recent().map((entry) => entry.message)).toEqual(['START', 'hello']);
  });

  it('keeps only the latest lines for pages that open later', () => {
    // Arrange
    const feed = createLogFeed(2);

    // Act
    for (const message of ['a', 'b', 'c']) feed.publish(line(message));

    // Assert
    expect(feed.recent().map((entry) => [entry.id, entry.message])).toEqual([
      [2, 'b'],
      [3, 'c'],
    ]);
  });

  it('stops sending lines to a listener that unsubscribed', () => {
    // Arrange
    const feed = createLogFeed();
    const seen: string[] = [];
    const stop = feed.subscribe((entry) => seen.push(entry.message));

    // Act
    feed.publish(line('before'));
    stop();
    feed.publish(line('after'));

    // Assert
    expect(seen).toEqual(['before']);
  });
});
