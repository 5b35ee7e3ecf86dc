/**
 * A function as the emulator serves it: its name, ARN, the template's definition and, when the
 * template gives it one, its URL.
 */
import type { SamFunction } from '@lambda-streaming/sam-template';

/** A function the emulator serves. `name` is the template's logical ID. */
export interface LocalFunction {
  name: string;
  /** `arn:aws:lambda:<region>:<account>:function:<name>` */
  arn: string;
  /** The definition read from the template (handler, code folder, runtime, timeout...). */
  definition: SamFunction;
  /** Set when the template gives the function a URL. */
  url?: LocalFunctionUrl;
}

/** A function URL served on its own port. */
export interface LocalFunctionUrl {
  /** e.g. `http://127.0.0.1:3001/` */
  url: string;
  port: number;
  authType: 'AWS_IAM' | 'NONE';
  invokeMode: 'BUFFERED' | 'RESPONSE_STREAM';
  cors?: NonNullable<SamFunction['functionUrl']>['cors'];
}
