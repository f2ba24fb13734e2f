import type { OutgoingHttpHeaders } from 'node:http';
import type { RequestContext } from './context.js';
import { send } from './respond.js';

const FLUSH_BYTES = 64 * 1024;

function hasBodyFault(ctx: RequestContext): boolean {
  const f = ctx.fault;
  return Boolean(f.truncate || f.nonJson || f.html || f.slowBodyMs !== undefined);
}

/**
 * Sends `{ <head>, "<key>": [ ...items ], <tail> }` with items serialised one at a time and written
 * in ~64 KB pieces, honouring backpressure; large data responses never become one giant string.
 * `head` and `tail` are JSON object members without braces. With a body fault active the whole body
 * is built first, because truncation needs its length.
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
  res.writeHead(200, allHeaders);
  if (ctx.method === 'HEAD') {
    res.end();
    return;
  }
  let buffer = open;
  let first = true;
  for (const batch of batches) {
    for (const item of batch) {
      buffer += first ? JSON.stringify(item) : `,${JSON.stringify(item)}`;
      first = false;
      if (buffer.length >= FLUSH_BYTES) {
        const ok = res.write(buffer);
        buffer = '';
        if (!ok) await drained(ctx);
        if (res.destroyed) return;
      }
    }
  }
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
