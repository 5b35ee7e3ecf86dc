/**
 * The words of the field guide, kept apart from the layout in `document.ts`. Only characters
 * of the PDF standard fonts' WinAnsi encoding may appear here (plain ASCII is safest).
 */

/** Title page. */
export const TITLE = 'Lambda response streaming';
export const SUBTITLE = 'A field guide, streamed past the 6 MB limit';
export const INTRODUCTION: readonly string[] = [
  'This PDF is about 7.4 MB. A Lambda function that returns its response in one piece ' +
    '(invoke mode BUFFERED) can return at most 6 MB (6,291,556 bytes); above that the ' +
    'invocation fails with Function.ResponseSizeTooLarge. The large-pdf pattern sends this ' +
    'file anyway: its function URL uses invoke mode RESPONSE_STREAM, and the handler streams ' +
    'the file instead of returning it.',
  'The handler reads the file from its own deployment package, next to handler.mjs, and ' +
    'pipes it into the response stream 64 KB at a time. pipeline() waits whenever the client ' +
    'is slower than the disk, so the function never holds more than a chunk or two in memory.',
  'Streamed responses do not travel at one speed. The first 6 MB go out as fast as the ' +
    'network allows; after that Lambda caps the rate at 2 MB/s. The last megabyte or so of ' +
    'this file therefore takes about half a second longer than a fast connection would need.',
  'Nothing in this file is random. It is generated at build time by src/document.ts of the ' +
    'large-pdf pattern, byte for byte the same on every build, so you can compare the sha256 ' +
    'of your download with the one printed in the pattern README.',
];
export const CONTENTS =
  'Page 2: the arrival schedule. Page 3: rules of thumb. Pages 4 to 10: seven plates, Julia ' +
  'sets drawn pixel by pixel and stored uncompressed, because size is the point of this document.';

/** Arrival schedule page. */
export const SCHEDULE_TITLE = 'Arrival schedule';
export const SCHEDULE_INTRODUCTION =
  'When each part of a streamed response can arrive at the earliest, counting from the first ' +
  'byte and assuming the uncapped burst takes no time at all. Here 1 MB is 1,048,576 bytes, ' +
  'as in the limits of the Lambda service.';
export const TAIL_TITLE = 'How long the capped tail takes';
export const TAIL_INTRODUCTION =
  'Time added after the burst for whole responses of different sizes (200 MB is the default ' +
  'maximum of a streamed response). Set the function timeout with this in mind.';

/** Rules-of-thumb page. */
export const RULES_TITLE = 'Rules of thumb';
export const RULES: readonly string[] = [
  'Set the status code and headers before the first byte. Once a byte is out they can no ' +
    'longer change: an error after that point reaches a function URL client as a cut-off ' +
    'body, and an SDK client as InvokeComplete.ErrorCode.',
  'There is no Content-Length. The body travels in chunks, so a client learns the size only ' +
    'at the end. Check large downloads with a checksum, or with the format itself: a complete ' +
    'PDF ends with %%EOF.',
  'Respect backpressure. Use pipeline(), or wait for the drain event when write() returns ' +
    'false; otherwise a slow client makes the function hold the whole response in memory.',
  'Budget time for large responses. Past the first 6 MB, every further megabyte needs at ' +
    'least half a second; a slow client needs longer, and the function waits for it.',
  'The client may leave early. The function then keeps running until it returns or times ' +
    'out, and the invocation is billed for that time.',
  'Small writes can wait. A few hundred bytes may sit in a buffer on the way until more data ' +
    'follows; a file of this size flows without such pauses.',
];

/** One field note printed under each plate, in plate order. */
export const PLATE_NOTES: readonly string[] = [
  'A streamed HTTP response begins with a small JSON prelude (status code, headers, cookies) ' +
    'and eight NUL bytes; the function URL turns it into the status line and headers.',
  'The runtime writes the prelude on the first write() only. The shared httpResponse() helper ' +
    'writes an empty chunk at once, so the headers leave even before the body is ready.',
  'pipeline(file, stream) reads the next 64 KB only after the previous chunk was accepted. ' +
    'That is backpressure: the slowest party sets the pace.',
  'From the first byte on, the client sees HTTP 200. A read error halfway through can only ' +
    'cut the body short; the client must notice the missing end.',
  'The 6 MB burst is measured per response. Everything after it is paced at 2 MB/s, however ' +
    'fast the network is.',
  'This file is built with the function and deployed inside its package. No S3 bucket, no ' +
    'network call, nothing to break when an object moves.',
  'You reached the last plate. If your download stopped early, this page and the end of the ' +
    'file would be missing, and your PDF reader would say so.',
];
