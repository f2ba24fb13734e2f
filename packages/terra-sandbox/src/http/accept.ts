import type { IncomingMessage } from 'node:http';

/** True when the request comes from a browser navigating (its Accept header asks for text/html). */
export function wantsHtml(req: IncomingMessage): boolean {
  const accept = req.headers.accept;
  return typeof accept === 'string' && /(^|,)\s*text\/html\s*(;|,|$)/i.test(accept);
}
