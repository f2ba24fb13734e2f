import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../cli-error.js';
import type { CliIO } from '../io.js';

/**
 * Reads a webhook payload byte for byte, from `--file` or from stdin. A signature covers the exact bytes, so nothing
 * here decodes, trims or re-serialises. Stdin on a terminal is refused rather than waited on: nobody types a
 * signed payload by hand, and a command that silently waits looks hung.
 */
export async function readPayload(
  io: CliIO,
  file: string | undefined,
  usage: string,
): Promise<Uint8Array<ArrayBuffer>> {
  if (file !== undefined) {
    try {
      return new Uint8Array(await readFile(resolve(io.cwd, file)));
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, usage);
    }
  }
  if (io.stdin.isTTY === true) throw new UsageError('no payload: stdin is a terminal', usage);
  const chunks: Uint8Array[] = [];
  for await (const chunk of io.stdin) {
    chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  }
  const payload = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    payload.set(chunk, offset);
    offset += chunk.byteLength;
  }
  if (payload.byteLength === 0) throw new UsageError('the payload is empty', usage);
  return payload;
}
