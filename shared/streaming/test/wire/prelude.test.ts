import { describe, expect, it } from 'vitest';
import {
  decodeHttpPrelude,
  encodeHttpPrelude,
  HttpPreludeDecoder,
  PreludeError,
} from '../../src/wire/index.js';

describe('http-integration prelude', () => {
  it('encodes the JSON text followed by exactly 8 NUL bytes', () => {
    // Act
    const bytes = encodeHttpPrelude({ statusCode: 201 });

    // Assert
    expect(bytes.subarray(0, -8).toString()).toBe('{"statusCode":201}');
    expect([...bytes.subarray(-8)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('matches the bytes the runtime client writes for status, headers and cookies', () => {
    // Arrange: the observed request body of spec §1.4, prelude part
    const prelude = {
      statusCode: 201,
      headers: { 'Content-Type': 'text/html', 'X-Custom': 'a' },
      cookies: ['a=1; Path=/', 'b=2'],
    };

    // Act
    const bytes = encodeHttpPrelude(prelude);

    // Assert
    expect(bytes.length).toBe(0x68 + 8);
  });

  it('decodes the prelude wherever the chunks split it', () => {
    // Arrange
    const wire = Buffer.concat([
      encodeHttpPrelude({ statusCode: 418, headers: { a: 'b' } }),
      Buffer.from('body'),
    ]);

    for (let split = 1; split < wire.length; split++) {
      // Act
      const decoder = new HttpPreludeDecoder();
      const first = decoder.push(wire.subarray(0, split));
      const second = first ?? decoder.push(wire.subarray(split));
      const rest = first ? Buffer.concat([first.rest, wire.subarray(split)]) : second?.rest;

      // Assert
      expect(second?.prelude).toEqual({ statusCode: 418, headers: { a: 'b' } });
      expect(rest?.toString()).toBe('body');
    }
  });

  it('keeps NUL characters inside values from ending the prelude early', () => {
    // Arrange
    const wire = encodeHttpPrelude({ headers: { x: '\0\0\0\0\0\0\0\0' } });

    // Act
    const decoded = decodeHttpPrelude(wire);

    // Assert
    expect(decoded?.prelude.headers?.x).toBe('\0\0\0\0\0\0\0\0');
    expect(decoded?.rest.length).toBe(0);
  });

  it('returns undefined while the delimiter has not arrived', () => {
    // Act
    const decoded = decodeHttpPrelude(Buffer.from('{"statusCode":200}\0\0\0'));

    // Assert
    expect(decoded).toBeUndefined();
  });

  it.each([
    ['not JSON', 'not json', /not valid JSON/],
    ['a JSON array', '[1,2]', /must be a JSON object/],
    ['JSON null', 'null', /must be a JSON object/],
  ])('rejects a prelude that is %s', (_name, text, message) => {
    // Arrange
    const wire = Buffer.concat([Buffer.from(text), Buffer.alloc(8)]);

    // Act + Assert
    expect(() => decodeHttpPrelude(wire)).toThrow(PreludeError);
    expect(() => decodeHttpPrelude(wire)).toThrow(message);
  });

  it('gives up when no delimiter comes within the limit', () => {
    // Arrange
    const decoder = new HttpPreludeDecoder(16);

    // Act + Assert
    expect(decoder.push(Buffer.from('{"statusCode":'))).toBeUndefined();
    expect(() => decoder.push(Buffer.from('200, "x": "yyyyyyyyyy"'))).toThrow(/within 16 bytes/);
  });
});
