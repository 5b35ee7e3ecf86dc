/** AWS credentials as the signer needs them (a subset of the SDK's `AwsCredentialIdentity`). */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Present for temporary credentials (SSO, assumed roles, Lambda itself). */
  sessionToken?: string | undefined;
}

/** A function that resolves credentials, such as the SDK's `fromIni()` or `defaultProvider()`. */
export type AwsCredentialsProvider = () => Promise<AwsCredentials>;

let defaultChain: Promise<AwsCredentialsProvider> | undefined;

/**
 * Resolves the credentials to sign with: the given ones, the given provider's, or else those of
 * the standard chain (`defaultProvider()` of `@aws-sdk/credential-provider-node`: environment,
 * SSO, shared files, process, container and instance metadata). The chain is imported on first
 * use only, so code that passes credentials never loads it.
 *
 * @param credentials - Explicit credentials or a provider, if any.
 * @returns The credentials.
 * @throws The provider's error when no credentials can be found.
 * @example
 * ```ts
 * const { accessKeyId } = await resolveCredentials(); // from the environment or ~/.aws
 * ```
 */
export async function resolveCredentials(
  credentials?: AwsCredentials | AwsCredentialsProvider,
): Promise<AwsCredentials> {
  if (typeof credentials === 'function') return credentials();
  if (credentials) return credentials;
  defaultChain ??= import('@aws-sdk/credential-provider-node').then((chain) =>
    chain.defaultProvider(),
  );
  return (await defaultChain)();
}
