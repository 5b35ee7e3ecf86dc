/**
 * The open questions (spec §10 and the UNCONFIRMED notes it collects) that the suite settles
 * by observation when it runs against AWS. Against local-lambda, the same checks assert the
 * emulator's documented choice.
 */
export const OPEN_QUESTIONS = {
  streamContentType: 'spec §10.1: Content-Type of an InvokeWithResponseStream response',
  completeOnSuccess: 'spec §10.2: InvokeComplete of a stream that succeeds (LogType Tail)',
  completeOnError: 'spec §10.2-3: InvokeComplete after an error thrown midstream',
  completeOnTimeout: 'spec §10.3: InvokeComplete after a timeout',
  bufferedMidstreamError:
    'spec §3.7: buffered Invoke of a streaming function that throws midstream',
  urlMidstreamError: 'spec §10.4: what a function URL client sees after an error midstream',
  urlTimeout: 'spec §10.4: what a function URL client sees after a timeout',
  urlSmallWrites: 'spec §10.7: how a function URL delivers small paced writes',
  restSmallWrites:
    'API Gateway response-transfer-mode: how a STREAM route delivers small paced writes',
  urlBadSignature: 'spec §4.1: error type of a function URL request signed with a wrong secret',
} as const;
