import type { OutgoingHttpHeaders } from 'node:http';
import type { RequestContext } from './context.js';
import { problemBody } from './problem.js';

const JSON_TYPE = 'application/json';
const PROBLEM_TYPE = 'application/problem+json';

const HTML_ERROR_PAGE =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>' +
  '<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n';
const NON_JSON_BODY = 'upstream connect error or disconnect/reset before headers. reset reason: overflow';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Writes a complete response. Every response of the API goes through here so the body fault modes
 * (truncate, non-json, html, slow-body) apply uniformly.
 */
export async function send(
  ctx: RequestContext,
  status: number,
  headers: OutgoingHttpHeaders,
  body: string | Buffer,
): Promise<void> {
  const { res, fault } = ctx;
  let bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const outHeaders: OutgoingHttpHeaders = { ...headers };
  if (fault.html) {
    bytes = Buffer.from(HTML_ERROR_PAGE);
    outHeaders['content-type'] = 'text/html; charset=utf-8';
  } else if (fault.nonJson) {
    bytes = Buffer.from(NON_JSON_BODY);
    outHeaders['content-type'] = 'text/plain; charset=utf-8';
  }
  if (fault.truncate) bytes = bytes.subarray(0, Math.floor(bytes.length / 2));
  outHeaders['content-length'] = bytes.length;
  res.writeHead(status, outHeaders);
  if (ctx.method === 'HEAD') {
    res.end();
    return;
  }
  if (fault.slowBodyMs !== undefined && bytes.length > 0) {
    await trickle(ctx, bytes, fault.slowBodyMs);
    return;
  }
  res.end(bytes);
}

async function trickle(ctx: RequestContext, bytes: Buffer, totalMs: number): Promise<void> {
  const pieces = Math.min(20, bytes.length);
  const size = Math.ceil(bytes.length / pieces);
  for (let offset = 0; offset < bytes.length; offset += size) {
    if (ctx.res.destroyed) return;
    ctx.res.write(bytes.subarray(offset, offset + size));
    await sleep(totalMs / pieces);
  }
  ctx.res.end();
}

/** Sends a JSON body. */
export function sendJson(
  ctx: RequestContext,
  status: number,
  value: unknown,
  headers: OutgoingHttpHeaders = {},
): Promise<void> {
  return send(ctx, status, { 'content-type': JSON_TYPE, ...headers }, JSON.stringify(value));
}

/** Sends bytes that are already JSON (precomputed static bodies). */
export function sendRawJson(
  ctx: RequestContext,
  status: number,
  json: Buffer,
  headers: OutgoingHttpHeaders = {},
): Promise<void> {
  return send(ctx, status, { 'content-type': JSON_TYPE, ...headers }, json);
}

/** Sends an RFC 9457 problem+json error whose `instance` is the request path and query. */
export function sendProblem(
  ctx: RequestContext,
  status: number,
  detail?: string,
  headers: OutgoingHttpHeaders = {},
): Promise<void> {
  const body = JSON.stringify(problemBody(status, ctx.rawUrl, detail));
  return send(ctx, status, { 'content-type': PROBLEM_TYPE, ...headers }, body);
}

/** Sends a status with no body (204 and friends). */
export function sendEmpty(
  ctx: RequestContext,
  status: number,
  headers: OutgoingHttpHeaders = {},
): Promise<void> {
  ctx.res.writeHead(status, headers);
  ctx.res.end();
  return Promise.resolve();
}

/** Sends an HTML page (the pages use this). */
export function sendHtml(
  ctx: RequestContext,
  status: number,
  html: string,
  headers: OutgoingHttpHeaders = {},
): Promise<void> {
  return send(ctx, status, { 'content-type': 'text/html; charset=utf-8', ...headers }, html);
}
