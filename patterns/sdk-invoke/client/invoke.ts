/**
 * Invokes the sdk-invoke functions with InvokeWithResponseStream and prints each chunk with its
 * arrival time, then InvokeComplete (ErrorCode, ErrorDetails, decoded tail logs).
 * Usage: npm run invoke -w patterns/sdk-invoke -- <happy|midstream-error|timeout|all> [--help]
 * Exit codes: 0 every demonstration behaved as expected, 1 one did not, 2 could not run.
 */

// This SDK version warns on Node.js 20. The variable must be set before the SDK is loaded,
// which is why main.js (and with it the SDK) is imported dynamically.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { main } = await import('./main.js');
process.exitCode = await main(process.argv.slice(2));
