import type { OutgoingHttpHeaders } from 'node:http';
import type { RequestContext } from './context.js';
import { send } from './respond.js';

const FLUSH_BYTES = 64 * 1024;
// How much of a body is made before its status is sent; past it, an error can only cut the body.
const COMMIT_BYTES = 4 * 1024 * 1024;

function hasBodyFault(ctx: RequestContext): boolean {
  const f = ctx.fault;
  return Boolean(f.truncate || f.nonJson || f.html || f.slowBodyMs !== undefined);
}

/**
 * Sends `{ <head>, "<key>": [ ...items ], <tail> }` with items serialised one at a time and written
 * in ~64 KB pieces, honouring backpressure; large data responses never become one giant string.
 * `head` and `tail` are JSON object members without braces. With a body fault active the whole body
 * is built first, because truncation needs its length. The status line waits until the first 4 MB are
 * made, so a failure while making them is still answered as a 500 problem+json.
 */
export async function sendJsonArray(
  ctx: RequestContext,
  headers: OutgoingHttpHeaders,
  parts: { head: string; key: string; tail: string },
  batches: Iterable<unknown[]>,
): Promise<void> {
  const open = `{${parts.head},${JSON.stringify(parts.key)}:[`;
  const close = `],${parts.tail}}`;
  const allHeaders = { 'content-type': 'application/json', ...headers };
  if (hasBodyFault(ctx)) {
    const items: string[] = [];
    for (const batch of batches) for (const item of batch) items.push(JSON.stringify(item));
    await send(ctx, 200, allHeaders, `${open}${items.join(',')}${close}`);
    return;
  }
  const { res } = ctx;
  if (ctx.method === 'HEAD') {
    res.writeHead(200, allHeaders);
    res.end();
    return;
  }
  // Until COMMIT_BYTES have been made, nothing is sent: a generator that throws by then (the usual
  // case: on the first day) still gets a 500 problem+json from the router instead of a cut body.
  let committed = false;
  let buffer = open;
  let first = true;
  for (const batch of batches) {
    for (const item of batch) {
      buffer += first ? JSON.stringify(item) : `,${JSON.stringify(item)}`;
      first = false;
      if (buffer.length >= (committed ? FLUSH_BYTES : COMMIT_BYTES)) {
        if (!committed) res.writeHead(200, allHeaders);
        committed = true;
        const ok = res.write(buffer);
        buffer = '';
        if (!ok) await drained(ctx);
        if (res.destroyed) return;
      }
    }
  }
  if (!committed) res.writeHead(200, allHeaders);
  res.end(buffer + close);
}

function drained(ctx: RequestContext): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      ctx.res.off('drain', done);
      ctx.res.off('close', done);
      resolve();
    };
    ctx.res.on('drain', done);
    ctx.res.on('close', done);
  });
}
