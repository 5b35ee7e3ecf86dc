/** The text of `local-lambda --help`. */
export const USAGE = `Usage: local-lambda start [options]
       local-lambda --help | --version

Runs the Node.js functions of SAM templates on this machine with Lambda's response streaming:
the Lambda API (Invoke, InvokeWithResponseStream, ListFunctions, GetFunction, GetFunctionUrlConfig,
ListFunctionUrlConfigs) on one port, every function URL on its own port and every REST API
(AWS::Serverless::Api, and the implicit API of Api events) on its own port, at /<stage>/<path>.

Options of start:
  -t, --template FILE            SAM template; repeat for several (default: ./template.yaml)
      --host ADDRESS             address to bind (default: 127.0.0.1)
  -p, --port PORT                Lambda API port; 0 picks a free one (default: 3000)
      --url-port-base PORT       port of the first function URL, the next URLs follow in
                                 template order; 0 picks free ones (default: 3001, or 0 with --port 0)
      --rest-api-port-base PORT  port of the first REST API, the next APIs follow in template
                                 order; 0 picks free ones (default: 3100, or 0 with --port 0)
      --region REGION            region of the ARNs and of SigV4 (default: us-east-1)
      --access-key-id ID         credentials requests must be signed with
      --secret-access-key SECRET   (default: the documented local pair, printed at start)
      --session-token TOKEN      also require this x-amz-security-token
      --max-concurrency N        invocations at once before 429 TooManyRequestsException (default: 10)
      --no-bandwidth-limit       stream at full speed (default: 6 MiB burst, then 2 MiB/s as Lambda;
                                 REST API streams also 10 MB, then 2 MB/s as API Gateway)
      --max-response-size BYTES  largest streamed response (default: 209715200, Lambda's 200 MiB)
      --parameter-overrides K=V ...
                                 template parameter values (also ParameterKey=K,ParameterValue=V)
      --runtime-client NAME      local: this package's runtime; official: the aws-lambda-ric of the
                                 function's Runtime, unchanged (3.3.0 for nodejs22.x, 4.x for
                                 nodejs24.x) (default: local)
      --no-freeze                keep idle runtimes running (default: frozen with SIGSTOP between
                                 invocations, as Lambda does); for attaching a debugger
      --idle-timeout SECONDS     stop an environment idle this long; the next invocation is a
                                 cold start (default: 300)
  -h, --help                     show this help
  -v, --version                  show the version

Exit codes: 0 stopped with Ctrl-C (SIGINT/SIGTERM/SIGHUP); 1 could not start; 2 invalid options.`;
