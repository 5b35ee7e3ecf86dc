import { describe, expect, it } from 'vitest';
import { SECTIONS } from '../src/report.js';
import { parseReportRequest } from '../src/request.js';
import { CALLER_ARN, signedGet, withQuery } from './events.js';

describe('rest-api-stream request', () => {
  it('asks for every section, for the caller API Gateway verified, by default', () => {
    // Act
    const parsed = parseReportRequest(signedGet);

    // Assert
    expect(parsed).toEqual({
      ok: true,
      report: { sections: SECTIONS.length, preparedFor: CALLER_ARN },
    });
  });

  it.each(['1', '3', '5'])('accepts ?sections=%s', (sections) => {
    // Act
    const parsed = parseReportRequest(withQuery({ sections }));

    // Assert
    expect(parsed).toEqual({
      ok: true,
      report: { sections: Number(sections), preparedFor: CALLER_ARN },
    });
  });

  it.each(['0', '6', '-1', '2.5', 'all', '', ' 3'])('refuses ?sections=%j', (sections) => {
    // Act
    const parsed = parseReportRequest(withQuery({ sections }));

    // Assert
    expect(parsed).toEqual({ ok: false, message: 'sections must be a whole number from 1 to 5' });
  });

  it('names an unsigned caller when API Gateway passes no identity ARN', () => {
    // Arrange
    const identity = { ...signedGet.requestContext.identity, userArn: null };
    const event = { ...signedGet, requestContext: { ...signedGet.requestContext, identity } };

    // Act
    const parsed = parseReportRequest(event);

    // Assert
    expect(parsed).toEqual({
      ok: true,
      report: { sections: SECTIONS.length, preparedFor: 'an unsigned caller' },
    });
  });
});
