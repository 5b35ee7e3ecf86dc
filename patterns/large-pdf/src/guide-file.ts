/**
 * Where the field guide lives: the build writes it into the function's bundle folder, next to
 * `handler.mjs`, so it is deployed inside the function's package and read from local disk.
 */

/** File name of the PDF, inside the bundle folder. */
export const GUIDE_FILE_NAME = 'field-guide.pdf';

/** The name a browser saves the download under (`content-disposition`). */
export const DOWNLOAD_FILE_NAME = 'lambda-streaming-field-guide.pdf';
