/** The keys requests are signed, and must be signed, with. */
export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Sent in `x-amz-security-token`; a verifier given one requires it. */
  sessionToken?: string;
}
