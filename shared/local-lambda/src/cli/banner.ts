import type { LocalLambda, ServedFunction, ServedRestApi } from '../start/start-options.js';

/**
 * What `local-lambda start` prints once it serves: the functions with their URLs, the API
 * endpoint, the local credentials and examples to copy.
 *
 * @param lambda - The running emulator.
 * @param version - The package version.
 * @returns The text, ending with a newline.
 * @example
 * ```ts
 * process.stdout.write(formatBanner(lambda, '0.1.0'));
 * ```
 */
export function formatBanner(lambda: LocalLambda, version: string): string {
  const { credentials, region, endpoint } = lambda;
  const lines = [
    `local-lambda ${version}: serving ${lambda.functions.length} function(s)`,
    '',
    ...functionTable(lambda.functions),
    '',
    ...restApiTable(lambda.restApis),
    `Lambda API  ${endpoint}  (region ${region}, account 123456789012)`,
    `Dashboard   ${endpoint}/  (open it in a browser on this machine: run and watch the functions stream)`,
    '',
    'Credentials (local, not a secret; every request must be signed with them):',
    `  AWS_ACCESS_KEY_ID=${credentials.accessKeyId}`,
    `  AWS_SECRET_ACCESS_KEY=${credentials.secretAccessKey}`,
    ...(credentials.sessionToken ? [`  AWS_SESSION_TOKEN=${credentials.sessionToken}`] : []),
    `  AWS_REGION=${region}`,
    `  AWS_DEFAULT_REGION=${region}  (AWS CLI v1 and boto3 read this one)`,
    '',
    'Try it:',
    ...examples(lambda),
    ...lambda.warnings.flatMap((warning, index) =>
      (index === 0 ? ['', 'Warnings:'] : []).concat(`  ${warning}`),
    ),
    '',
    'Press Ctrl-C to stop.',
    '',
  ];
  return lines.join('\n');
}

function functionTable(functions: readonly ServedFunction[]): string[] {
  const rows = [
    ['Function', 'Invoke mode', 'Auth', 'URL'],
    ...functions.map((fn) => [
      fn.name,
      fn.invokeMode ?? '-',
      fn.authType ?? '-',
      fn.url ?? '(no URL: use the API)',
    ]),
  ];
  const widths = [0, 1, 2].map((column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows.map(
    (row) =>
      `  ${row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd()}`,
  );
}

/** Each REST API's stage URLs, then its routes (method, path, transfer mode, auth, function). */
function restApiTable(apis: readonly ServedRestApi[]): string[] {
  if (apis.length === 0) return [];
  const rows = apis.flatMap((api) => [
    `  REST API ${api.name}  ${api.stageUrls.join('  ')}`,
    ...api.routes.map(
      (route) =>
        `    ${route.method.padEnd(7)} ${route.path.padEnd(24)} ${route.transferMode.padEnd(8)} ${route.auth.padEnd(8)} -> ${route.functionName}`,
    ),
  ]);
  return [...rows, ''];
}

function examples(lambda: LocalLambda): string[] {
  const { credentials, region, endpoint } = lambda;
  const sign = `--aws-sigv4 "aws:amz:${region}:lambda" --user "${credentials.accessKeyId}:${credentials.secretAccessKey}"`;
  const token = credentials.sessionToken
    ? ` -H "x-amz-security-token: ${credentials.sessionToken}"`
    : '';
  const lines: string[] = [];
  const iam = lambda.functions.find((fn) => fn.authType === 'AWS_IAM');
  const open = lambda.functions.find((fn) => fn.authType === 'NONE');
  if (iam?.url) lines.push(`  curl -N ${sign}${token} ${iam.url}`);
  if (open?.url) lines.push(`  curl -N ${open.url}`);
  const rest = lambda.restApis.find((api) => api.routes.length > 0);
  const route = rest?.routes.find((item) => !item.path.includes('{')) ?? rest?.routes[0];
  if (rest && route) {
    const restSign =
      route.auth === 'AWS_IAM' ? `${sign.replace(':lambda"', ':execute-api"')}${token} ` : '';
    lines.push(`  curl -N ${restSign}${rest.stageUrls[0]}${route.path}`);
  }
  const name = lambda.functions[0]?.name ?? 'MyFunction';
  // AWS CLI v1 and boto3 read AWS_DEFAULT_REGION, the JS SDK and CLI v2 AWS_REGION: set both.
  const session = credentials.sessionToken ? ` AWS_SESSION_TOKEN=${credentials.sessionToken}` : '';
  const env = `AWS_ACCESS_KEY_ID=${credentials.accessKeyId} AWS_SECRET_ACCESS_KEY=${credentials.secretAccessKey}${session} AWS_REGION=${region} AWS_DEFAULT_REGION=${region}`;
  lines.push(
    `  export ${env}`,
    `  aws lambda list-functions --endpoint-url ${endpoint}`,
    // fileb:// sends the file's bytes as they are on CLI v1 and v2 alike (v2 reads an inline
    // --payload as base64 unless --cli-binary-format raw-in-base64-out, which v1 refuses).
    `  echo '{}' > event.json`,
    `  aws lambda invoke --function-name ${name} --payload fileb://event.json out.json --endpoint-url ${endpoint}`,
    `  new LambdaClient({ endpoint: '${endpoint}', region: '${region}', credentials: { accessKeyId: '${credentials.accessKeyId}', secretAccessKey: '${credentials.secretAccessKey}' } })`,
    `    .send(new InvokeWithResponseStreamCommand({ FunctionName: '${name}' }))`,
  );
  return lines;
}
