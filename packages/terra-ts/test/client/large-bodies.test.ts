import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Terra, TerraConnectionError, type TerraOptions, TerraResponseTooLargeError } from 'terra-ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// Bodies of many chunks, read into one buffer of the announced length or joined once without one: the
// text that comes out is the text that went in, whichever way the bytes arrived.

const MiB = 1024 * 1024;
const PIECE = 16 * 1024;

/** A providers answer of about `bytes` bytes, with multi-byte characters throughout. */
function bigProviders(bytes: number): string {
  const names: string[] = [];
  for (let length = 0, i = 0; length < bytes; i++) {
    const name = `Zoë Ångström 🏃 provider ${i}`;
    names.push(name);
    length += Buffer.byteLength(name) + 3;
  }
  return JSON.stringify({ status: 'success', providers: names, sdk_providers: [] });
}

type Reply = { kind: 'announced' | 'chunked' | 'short' | 'oversized'; text: string };

let server: Server;
let baseUrl: string;
let reply: Reply = { kind: 'announced', text: '{}' };
/** Per request: bytes the server wrote, and whether the client closed before the server finished. */
const answers: { written: number; closedByClient: boolean }[] = [];

/** Writes `bytes` in pieces (each write its own TCP segment as far as Node is concerned), then ends or cuts. */
function writeInPieces(res: ServerResponse, bytes: Buffer, record: { written: number }, end: () => void) {
  let offset = 0;
  const next = () => {
    while (offset < bytes.length && !res.destroyed) {
      const piece = bytes.subarray(offset, offset + PIECE);
      offset += piece.length;
      record.written += piece.length;
      if (!res.write(piece)) return void res.once('drain', next);
    }
    if (!res.destroyed) end();
  };
  next();
}

function answer(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  const record = { written: 0, closedByClient: false };
  answers.push(record);
  res.on('close', () => {
    record.closedByClient = !res.writableFinished;
  });
  const bytes = Buffer.from(reply.text);
  const json = { 'content-type': 'application/json' };
  switch (reply.kind) {
    case 'announced':
      res.writeHead(200, { ...json, 'content-length': bytes.length });
      writeInPieces(res, bytes, record, () => res.end());
      return;
    case 'chunked':
      res.writeHead(200, json);
      writeInPieces(res, bytes, record, () => res.end());
      return;
    case 'short':
      // Announces the whole body, sends half of it, then drops the connection.
      res.writeHead(200, { ...json, 'content-length': bytes.length });
      writeInPieces(res, bytes.subarray(0, bytes.length >> 1), record, () => res.destroy());
      return;
    case 'oversized':
      // Announces a body past the client's limit and sends it slowly: the client need not wait for it.
      res.writeHead(200, { ...json, 'content-length': 64 * MiB });
      res.write(bytes.subarray(0, PIECE));
      record.written = PIECE;
      return;
  }
}

beforeAll(async () => {
  server = createServer(answer);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
});
beforeEach(() => {
  answers.length = 0;
});

const transports: [string, Pick<TerraOptions, 'fetch'>][] = [
  ['the node:http transport', {}],
  ['the fetch transport', { fetch: (input, init) => fetch(input, init) }],
];

describe.each(transports)('large bodies over %s', (_name, transport) => {
  const client = (options: TerraOptions = {}) =>
    new Terra({ apiKey: 'k', devId: 'd', baseUrl, maxRetries: 0, ...transport, ...options });

  it('a body of many pieces with a content-length arrives whole, multi-byte characters intact', async () => {
    reply = { kind: 'announced', text: bigProviders(3 * MiB) };
    const res = await client().listProviders();
    expect(res.getJson()).toEqual(JSON.parse(reply.text));
    expect(res.rawBody).toBe(JSON.stringify(JSON.parse(reply.text)));
  });

  it('a body of many pieces without a content-length (chunked) arrives whole', async () => {
    reply = { kind: 'chunked', text: bigProviders(3 * MiB) };
    const res = await client().listProviders();
    expect(res.getJson()).toEqual(JSON.parse(reply.text));
  });

  it('a small body under 1 MiB keeps its text byte for byte as rawBody', async () => {
    reply = { kind: 'announced', text: bigProviders(200 * 1024) };
    const res = await client().listProviders();
    expect(res.rawBody).toBe(reply.text);
  });

  it('a body cut short after its content-length was announced is a TerraConnectionError, not a short text', async () => {
    reply = { kind: 'short', text: bigProviders(2 * MiB) };
    const error = await client()
      .listProviders()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TerraConnectionError);
  });

  it('a content-length past maxResponseBytes rejects with TerraResponseTooLargeError without reading the body', async () => {
    reply = { kind: 'oversized', text: bigProviders(64 * 1024) };
    const error = await client({ maxResponseBytes: MiB })
      .listProviders()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TerraResponseTooLargeError);
    expect((error as TerraResponseTooLargeError).maxResponseBytes).toBe(MiB);
    await expect.poll(() => answers[0]?.closedByClient).toBe(true);
    expect(answers[0]?.written).toBe(PIECE);
  });
});
