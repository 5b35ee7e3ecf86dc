/**
 * What every scenario gets: the plain server (the baseline), a keep-alive agent, the fixture
 * templates and a progress logger.
 */
import { Agent } from 'node:http';
import { join } from 'node:path';
import { FIXTURES } from './lib/paths.js';
import type { PlainServer } from './lib/plain-server.js';

/** Shared by the scenarios of one run. */
export interface BenchContext {
  plain: PlainServer;
  /** Keep-alive, so only the first request of each target pays for the connection. */
  agent: Agent;
  /** Fewer runs (for a quick look; the results say so). */
  quick: boolean;
  log(message: string): void;
}

/** The fixture templates. */
export const TEMPLATES = {
  /** BenchTtfbStreamedFunction: ttfb-write's bundle behind its RESPONSE_STREAM URL. */
  ttfbModes: join(FIXTURES, 'ttfb-write-modes.yaml'),
  /** BenchFirstWriteFunction, BenchEmptyFunction, BenchBytesFunction. */
  functions: join(FIXTURES, 'functions.yaml'),
};

/**
 * A keep-alive agent with no socket limit.
 *
 * @returns The agent.
 * @example
 * ```ts
 * const agent = keepAliveAgent();
 * ```
 */
export function keepAliveAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
}
