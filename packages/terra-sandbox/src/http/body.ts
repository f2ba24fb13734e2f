import type { IncomingMessage } from 'node:http';
import { badRequest, HttpProblem } from './problem.js';

/** Largest JSON request body the sandbox accepts. */
export const JSON_BODY_LIMIT = 5 * 1024 * 1024;

function tooLarge(limit: number): HttpProblem {
  return new HttpProblem(
    413,
    `request body exceeds the ${Math.round(limit / (1024 * 1024))} MB limit; send a smaller file`,
  );
}

/**
 * Reads the whole body, refusing (413) as soon as it is known to exceed `limit` bytes: up front from
 * Content-Length, or while reading a chunked body. The rest of a refused body is read and
 * discarded, so the client finishes sending and sees the 413 instead of a broken pipe.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    });
    req.on('error', (err) => {
      if (done) return;
      done = true;
      reject(err);
    });
  });
}

/**
 * Reads and parses a JSON body. An empty body yields `undefined`; malformed JSON is a 400 that
 * says so rather than a crash.
 */
export async function readJson(req: IncomingMessage, limit = JSON_BODY_LIMIT): Promise<unknown> {
  const bytes = await readBody(req, limit);
  if (bytes.length === 0) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw badRequest(
      'request body is not valid JSON; send a JSON document with content-type application/json',
    );
  }
}
