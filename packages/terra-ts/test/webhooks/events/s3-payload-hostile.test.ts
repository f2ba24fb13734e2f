import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import {
  createFetchWebhookHandler,
  createNodeWebhookHandler,
  DEFAULT_S3_PAYLOAD_TIMEOUT_MS,
  fetchS3Payload,
  parseWebhookEvent,
  type S3PayloadHookResponse,
  TerraApiError,
  TerraInvalidArgumentError,
  TerraResponseTooLargeError,
  TerraTimeoutError,
  TerraWebhooks,
} from 'terra-ts';
import { examplePayloads, signTestWebhook } from 'terra-ts/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { terraFor } from '../../support/terra-for.js';
import { startTestServer } from '../../support/test-server.js';
import { type Running, serveFetch, serveNode } from '../support/servers.js';

const SECRET = 'whsec_s3_hostile_test';
const MiB = 1024 * 1024;

const opened: Running[] = [];
afterEach(async () => {
  for (const server of opened.splice(0)) await server.close();
});

/** A bucket stand-in; records the paths asked for. */
async function bucket(answer: (req: IncomingMessage, res: ServerResponse) => void) {
  const paths: string[] = [];
  const pending: ServerResponse[] = [];
  const server = await serveNode((req, res) => {
    paths.push(req.url ?? '');
    pending.push(res);
    answer(req, res);
  });
  opened.push({
    url: server.url,
    close: async () => {
      for (const res of pending) res.socket?.destroy();
      await server.close();
    },
  });
  return { url: server.url, paths };
}

function s3Event(url: string): S3PayloadHookResponse {
  return parseWebhookEvent({ ...examplePayloads.s3_payload, url }) as S3PayloadHookResponse;
}

const neverAnswers = () => {};

describe('fetchS3Payload against a hostile or broken bucket', () => {
  it('does not follow a redirect: the 3xx is a TerraApiError and the target is never asked', async () => {
    const target = await bucket((_req, res) => res.end(JSON.stringify(examplePayloads.sleep)));
    const source = await bucket((_req, res) => {
      res.writeHead(302, { location: `${target.url}/elsewhere.json` });
      res.end();
    });
    const error = await fetchS3Payload(s3Event(`${source.url}/p.json?X-Amz-Signature=s`)).catch((e) => e);
    expect(error).toBeInstanceOf(TerraApiError);
    expect((error as TerraApiError).status).toBe(302);
    expect((error as Error).message).toMatch(/does not follow redirects/);
    expect(target.paths).toEqual([]);
  });

  it('gives up on a bucket that never answers after timeoutMs, with a TerraTimeoutError', async () => {
    const hanging = await bucket(neverAnswers);
    const error = await fetchS3Payload(s3Event(`${hanging.url}/p.json`), { timeoutMs: 200 }).catch((e) => e);
    expect(error).toBeInstanceOf(TerraTimeoutError);
    expect((error as TerraTimeoutError).timeoutMs).toBe(200);
    expect(DEFAULT_S3_PAYLOAD_TIMEOUT_MS).toBe(30_000);
  });

  it('gives up on a body that stalls halfway, with a TerraTimeoutError', async () => {
    const stalling = await bucket((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': 1000 });
      res.write('{"type":"sleep",');
    });
    const error = await fetchS3Payload(s3Event(`${stalling.url}/p.json`), { timeoutMs: 200 }).catch((e) => e);
    expect(error).toBeInstanceOf(TerraTimeoutError);
  });

  it('stops a gzip bomb at maxResponseBytes with a TerraResponseTooLargeError', async () => {
    const member = gzipSync(Buffer.alloc(MiB));
    const bomb = Buffer.concat(Array.from({ length: 64 }, () => member));
    const hostile = await bucket((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': bomb.length });
      res.end(bomb);
    });
    const error = await fetchS3Payload(s3Event(`${hostile.url}/p.json`), { maxResponseBytes: 4 * MiB }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(TerraResponseTooLargeError);
    expect((error as TerraResponseTooLargeError).maxResponseBytes).toBe(4 * MiB);
    expect((error as Error).message).toMatch(/maxResponseBytes/);
  });

  it("takes the client's maxResponseBytes when given a client", async () => {
    const endless = await bucket((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!res.destroyed) if (!res.write(chunk)) return void res.once('drain', pump);
      };
      pump();
    });
    const api = await startTestServer();
    try {
      const terra = terraFor(api, { maxResponseBytes: MiB });
      const error = await fetchS3Payload(s3Event(`${endless.url}/p.json`), { client: terra }).catch((e) => e);
      expect(error).toBeInstanceOf(TerraResponseTooLargeError);
      expect((error as TerraResponseTooLargeError).maxResponseBytes).toBe(MiB);
    } finally {
      await api.close();
    }
  });

  it.each([0, -5, 1.5])('refuses a timeoutMs of %s', async (timeoutMs) => {
    await expect(
      fetchS3Payload(s3Event('https://bucket.example/p.json'), { timeoutMs }),
    ).rejects.toBeInstanceOf(TerraInvalidArgumentError);
  });
});

describe('a webhook handler resolving s3_payload deliveries', () => {
  const webhooks = new TerraWebhooks({ secret: SECRET });

  async function deliver(url: string, pointerUrl: string): Promise<{ status: number; json: unknown }> {
    const { body, headers } = await signTestWebhook(
      { ...examplePayloads.s3_payload, url: pointerUrl },
      { secret: SECRET },
    );
    const res = await fetch(url, { method: 'POST', body, headers });
    return { status: res.status, json: await res.json() };
  }

  it.each([
    ['Fetch', (options: object) => serveFetch(createFetchWebhookHandler(webhooks, {}, options))],
    ['Node', (options: object) => serveNode(createNodeWebhookHandler(webhooks, {}, options))],
  ] as const)(
    '%s: answers 502 within its s3PayloadTimeoutMs when the download hangs',
    async (_name, serve) => {
      const hanging = await bucket(neverAnswers);
      const errors: unknown[] = [];
      const endpoint = await serve({
        resolveS3Payloads: true,
        s3PayloadTimeoutMs: 300,
        onError: (error: unknown) => errors.push(error),
      });
      opened.push(endpoint);
      expect(await deliver(endpoint.url, `${hanging.url}/p.json?X-Amz-Signature=s`)).toMatchObject({
        status: 502,
        json: { error: 'payload_download_failed' },
      });
      expect(hanging.paths).toHaveLength(1);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toBeInstanceOf(TerraTimeoutError);
    },
  );

  it('refuses a bad s3PayloadTimeoutMs when the handler is built', () => {
    expect(() => createFetchWebhookHandler(webhooks, {}, { s3PayloadTimeoutMs: 0 })).toThrow(
      TerraInvalidArgumentError,
    );
  });
});
