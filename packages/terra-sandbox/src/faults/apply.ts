import type { RequestContext } from '../http/context.js';
import { send, sendProblem } from '../http/respond.js';
import { r1Decision, r2Decision } from '../rate-limit/limiter.js';
import { RATE_LIMIT_BODY, WINDOW_MS } from '../rate-limit/rules.js';
import type { FaultSpec } from './types.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Merges the per-request header faults over the global ones; undefined when there are none. */
export function mergeFaults(
  global: FaultSpec | undefined,
  header: FaultSpec | undefined,
): FaultSpec | undefined {
  if (!global) return header;
  if (!header) return global;
  return { ...global, ...header };
}

/**
 * Applies the faults that replace handling the request: latency first, then drop, status, r1, r2.
 * Returns true when the request has been answered (or dropped) and the route must not run.
 * Body faults (truncate, non-json, html, slow-body) are applied later by `send`.
 */
export async function applyRequestFaults(ctx: RequestContext, fault: FaultSpec): Promise<boolean> {
  if (fault.latencyMs) await sleep(fault.latencyMs);
  if (fault.drop) {
    ctx.req.socket.destroy();
    return true;
  }
  if (fault.status !== undefined) {
    await sendProblem(ctx, fault.status, `fault injected by x-sandbox-fault: status=${fault.status}`);
    return true;
  }
  if (fault.r1 || fault.r2) {
    const decision = fault.r1 ? r1Decision() : r2Decision(0, WINDOW_MS);
    await send(ctx, 429, { 'content-type': 'application/json', ...decision.headers }, RATE_LIMIT_BODY);
    return true;
  }
  return false;
}
