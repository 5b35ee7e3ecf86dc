import { describe, expect, it } from 'vitest';
import { curl } from '../../fixtures/frontend/url-servers.js';
import { useRestFixture } from './rest-api-fixture.js';

const rest = useRestFixture();

const BAD_GATEWAY = '{"message": "Internal server error"}';

describe('REST APIs: STREAM routes', () => {
  it('sends the prelude as status, headers and cookies, and the first section before the function ends', async () => {
    // Arrange
    const gate = rest.fixture.gate.arm();
    let seen = '';

    // Act
    const pending = curl([...rest.fixture.signArgs(), `${rest.prod}/report`], (text) => {
      seen = text;
    });
    await gate.reached;
    await expect.poll(() => seen, { timeout: 5000 }).toContain('section 1|');
    const before = seen;
    gate.open();
    const result = await pending;

    // Assert
    expect(before).not.toContain('section 2');
    expect(result.code).toBe(0);
    expect(result.status).toBe(201);
    expect(result.body.toString()).toBe('section 1|section 2');
    expect(result.headers.get('content-type')).toEqual(['text/plain']);
    expect(result.headers.get('x-report')).toEqual(['yes']);
    expect(result.headers.get('x-multi')).toEqual(['a', 'b']);
    expect(result.headers.get('set-cookie')).toEqual(['session=abc; HttpOnly', 'theme=dark']);
    expect(result.headers.get('transfer-encoding')).toEqual(['chunked']);
    expect(result.headers.get('x-amzn-requestid')?.[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 502 when the function fails before its first byte or writes no prelude', async () => {
    // Act
    const early = await curl([...rest.fixture.signArgs(), `${rest.prod}/report?mode=fail-early`]);
    const raw = await curl([...rest.fixture.signArgs(), `${rest.prod}/report?mode=raw`]);

    // Assert
    for (const result of [early, raw]) {
      expect(result.status).toBe(502);
      expect(result.body.toString()).toBe(BAD_GATEWAY);
    }
  });

  it('cuts the response without its last chunk when the function fails midstream (curl exit 18)', async () => {
    // Act
    const result = await curl([...rest.fixture.signArgs(), `${rest.prod}/report?mode=fail-late`]);

    // Assert
    expect(result.status).toBe(201);
    expect(result.body.toString()).toBe('section 1|');
    expect(result.code).toBe(18);
  });

  it("cuts the stream at the route's TimeoutInMillis", async () => {
    // Act
    const result = await curl([...rest.fixture.signArgs(), `${rest.prod}/report?mode=slow`]);

    // Assert
    expect(result.status).toBe(201);
    expect(result.body.toString()).toBe('section 1|');
    expect(result.code).toBe(18);
  });
});

describe('REST APIs: BUFFERED routes', () => {
  it('maps the result: headers and multiValueHeaders merged (multi wins), Content-Length set', async () => {
    // Act
    const result = await curl([`${rest.prod}/items/5`]);

    // Assert
    expect(result.status).toBe(200);
    expect(result.headers.get('x-single')).toEqual(['one']);
    expect(result.headers.get('x-both')).toEqual(['multi-1', 'multi-2']);
    expect(result.headers.get('content-type')).toEqual(['application/json']);
    expect(Number(result.headers.get('content-length')?.[0])).toBe(result.body.length);
  });

  it('decodes a base64 result whose Content-Type is a binary media type', async () => {
    // Act
    const result = await curl([`${rest.prod}/items/5?mode=binary`]);

    // Assert
    expect(result.headers.get('content-type')).toEqual(['image/png']);
    expect([...result.body]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('answers 502 for a malformed result and for a function error', async () => {
    // Act
    const malformed = await curl([`${rest.prod}/items/5?mode=bad`]);
    const thrown = await curl([`${rest.prod}/items/5?mode=throw`]);

    // Assert
    for (const result of [malformed, thrown]) {
      expect(result.status).toBe(502);
      expect(result.body.toString()).toBe(BAD_GATEWAY);
    }
  });

  it("answers 504 Endpoint request timed out once the route's TimeoutInMillis passes", async () => {
    // Act
    const result = await curl([`${rest.prod}/slow?mode=slow`]);

    // Assert
    expect(result.status).toBe(504);
    expect(result.body.toString()).toBe('{"message": "Endpoint request timed out"}');
  });

  it('gives a streamified handler behind a BUFFERED route its prelude status and an empty body (UNCONFIRMED)', async () => {
    // Act
    const result = await curl([`${rest.prod}/report/buffered`]);

    // Assert
    expect(result.status).toBe(201);
    expect(result.headers.get('x-report')).toEqual(['yes']);
    expect(result.body.length).toBe(0);
  });
});
