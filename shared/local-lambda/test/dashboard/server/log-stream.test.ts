import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogFeed, type LogFeed } from '../../../src/dashboard/server/log-feed.js';
import { streamLogs } from '../../../src/dashboard/server/log-stream.js';
import { closeServer, listen } from '../../fixtures/frontend/servers.js';
import { open } from '../http.js';

/** The messages a fresh connection receives, up to the last line kept ('c'). */
async function messagesFor(base: string, lastEventId?: string): Promise<string[]> {
  const headers: Record<string, string> = lastEventId ? { 'last-event-id': lastEventId } : {};
  const stream = await open(`${base}/`, { headers });
  let text = '';
  for await (const chunk of stream) {
    text += String(chunk);
    if (/"message":"c"[^\n]*\n\n/.test(text)) break; // the whole event is in
  }
  stream.destroy();
  return text
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => JSON.parse(line.slice('data: '.length)).message);
}

describe('log feed over server-sent events', () => {
  let server: Server;
  let feed: LogFeed;
  async function serve(): Promise<string> {
    feed = createLogFeed();
    for (const message of ['a', 'b', 'c']) {
      feed.publish({ functionName: 'Fn', source: 'stdout', message });
    }
    server = createServer((req, res) => streamLogs(req, res, feed));
    return listen(server);
  }
  afterEach(() => closeServer(server));

  it('sends the lines kept so far to a new page', async () => {
    // Arrange
    const base = await serve();

    // Act
    const messages = await messagesFor(base);

    // Assert
    expect(messages).toEqual(['a', 'b', 'c']);
  });

  it('resends only what a reconnecting page missed from the same emulator', async () => {
    // Arrange
    const base = await serve();

    // Act
    const same = await messagesFor(base, `${feed.epoch}.2`);
    const earlier = await messagesFor(base, 'another-emulator.2');

    // Assert
    expect(same).toEqual(['c']);
    expect(earlier).toEqual(['a', 'b', 'c']);
  });
});
