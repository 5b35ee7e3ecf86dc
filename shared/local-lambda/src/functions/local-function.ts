/**
 * A function as the emulator serves it: its name, ARN, the template's definition and, when the
 * template gives it one, its URL. Described once at start, when every port is bound, and never
 * changed after.
 */
import type { SamFunction } from '@lambda-streaming/sam-template';

/** A function the emulator serves. `name` is the template's logical ID. */
export interface LocalFunction {
  readonly name: string;
  /** `arn:aws:lambda:<region>:<account>:function:<name>` */
  readonly arn: string;
  /** The definition read from the template (handler, code folder, runtime, timeout...). */
  readonly definition: SamFunction;
  /** Set when the template gives the function a URL. */
  readonly url?: LocalFunctionUrl;
}

/** A function URL served on its own port. */
export interface LocalFunctionUrl {
  /** e.g. `http://127.0.0.1:3001/` */
  readonly url: string;
  readonly port: number;
  readonly authType: 'AWS_IAM' | 'NONE';
  readonly invokeMode: 'BUFFERED' | 'RESPONSE_STREAM';
  readonly cors?: NonNullable<SamFunction['functionUrl']>['cors'];
}
