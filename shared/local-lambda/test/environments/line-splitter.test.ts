import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { readOutputLines } from '../../src/environments/line-splitter.js';

/** Blocks this thread (the event loop with it) for `ms`. */
function blockFor(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

describe('output lines', () => {
  it('splits stdout and stderr into lines, a partial last line included', async () => {
    // Arrange
    const child = spawn(process.execPath, [
      '-e',
      "process.stdout.write('one\\ntwo\\r\\nthr'); process.stderr.write('err\\n'); process.stdout.write('ee')",
    ]);
    const lines: string[] = [];

    // Act
    readOutputLines(child, (stream, line) => lines.push(`${stream}:${line}`));
    await once(child, 'close');

    // Assert
    expect(lines.filter((line) => line.startsWith('stdout:'))).toEqual([
      'stdout:one',
      'stdout:two',
      'stdout:three',
    ]);
    expect(lines).toContain('stderr:err');
  });

  it('catches up, without the event loop, on what the process wrote before it was read', async () => {
    // Arrange: the child writes a line and stays alive; this thread never yields meanwhile.
    const child = spawn(process.execPath, [
      '-e',
      "process.stdout.write('Invoke Error\\n'); setTimeout(() => {}, 30000)",
    ]);
    await once(child, 'spawn');
    const lines: string[] = [];
    const output = readOutputLines(child, (stream, line) => lines.push(`${stream}:${line}`));

    // Act: poll synchronously (up to 20 s on a busy machine) until catchUp has read the line.
    const deadline = Date.now() + 20_000;
    while (lines.length === 0 && Date.now() < deadline) {
      blockFor(20);
      output.catchUp();
    }
    const seenBeforeYielding = [...lines];
    child.kill();
    await once(child, 'close');

    // Assert: read once, by catchUp, and not again by the stream afterwards.
    expect(seenBeforeYielding).toEqual(['stdout:Invoke Error']);
    expect(lines).toEqual(['stdout:Invoke Error']);
  });
});
