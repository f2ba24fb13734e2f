import {
  DataReturned,
  fetchS3Payload,
  parseWebhookEvent,
  type S3PayloadHookResponse,
  TerraApiError,
  TerraConnectionError,
  TerraInvalidArgumentError,
  TerraResponseParseError,
  TerraWebhooks,
} from 'terra-ts';
import { examplePayloads } from 'terra-ts/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { terraFor } from '../../support/terra-for.js';
import { startTestServer } from '../../support/test-server.js';
import { type Running, serveNode } from '../support/servers.js';

let running: Running | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const SIGNED_QUERY = '?X-Amz-Signature=supersecretsignature';

async function serve(status: number, body: string): Promise<string> {
  running = await serveNode((_req, res) => {
    res.statusCode = status;
    res.end(body);
  });
  return `${running.url}/payloads/activity.json${SIGNED_QUERY}`;
}

function s3Event(url: string): S3PayloadHookResponse {
  return parseWebhookEvent({ ...examplePayloads.s3_payload, url }) as S3PayloadHookResponse;
}

describe('fetchS3Payload', () => {
  it('downloads the payload and parses it as the data event it stands for', async () => {
    const url = await serve(200, JSON.stringify(examplePayloads.activity));
    const event = await fetchS3Payload(s3Event(url));
    expect(event).toBeInstanceOf(DataReturned);
    expect(event.type).toBe('activity');
    expect((event as DataReturned).data).toHaveLength(1);
  });

  it("downloads with a TerraWebhooks instance's configured fetch through its s3PayloadOptions", async () => {
    const url = await serve(200, JSON.stringify(examplePayloads.sleep));
    const seen: string[] = [];
    const webhooks = new TerraWebhooks({
      secret: 's',
      fetch: (input, init) => {
        seen.push(String(input));
        return fetch(input, init);
      },
    });
    expect((await fetchS3Payload(s3Event(url), webhooks.s3PayloadOptions)).type).toBe('sleep');
    expect(seen).toEqual([url]);
  });

  it("downloads with a client's configured fetch and binds the event's user to that client", async () => {
    const server = await startTestServer((req) =>
      req.path === '/v2/athlete' ? { body: examplePayloads.athlete } : { body: examplePayloads.sleep },
    );
    try {
      const seen: string[] = [];
      const terra = terraFor(server, {
        fetch: (input, init) => {
          seen.push(new URL(String(input instanceof Request ? input.url : input)).pathname);
          return fetch(input, init);
        },
      });
      const event = await fetchS3Payload(s3Event(`${server.url}/payloads/sleep.json`), { client: terra });
      expect(event).toBeInstanceOf(DataReturned);
      await (event as DataReturned).user.getAthlete({ toWebhook: false });
      expect(seen).toEqual(['/payloads/sleep.json', '/v2/athlete']);
      expect(server.requests.map((request) => [request.path, request.query.get('user_id')])).toEqual([
        ['/payloads/sleep.json', null],
        ['/v2/athlete', examplePayloads.sleep.user.user_id],
      ]);
    } finally {
      await server.close();
    }
  });

  it('refuses plain http to anything but this machine', async () => {
    await expect(fetchS3Payload({ url: 'http://bucket.s3.amazonaws.com/x.json' })).rejects.toBeInstanceOf(
      TerraInvalidArgumentError,
    );
    await expect(fetchS3Payload({ url: 'ftp://bucket/x.json' })).rejects.toThrow(/only https/);
    await expect(fetchS3Payload({ url: 'not a url' })).rejects.toBeInstanceOf(TerraInvalidArgumentError);
  });

  it('explains an expired link, without repeating the pre-signed query', async () => {
    const url = await serve(
      403,
      '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>',
    );
    const error = await fetchS3Payload(s3Event(url)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TerraApiError);
    expect((error as TerraApiError).status).toBe(403);
    expect((error as Error).message).toMatch(/expire/);
    expect((error as Error).message).not.toContain('supersecretsignature');
  });

  it('reports a non-JSON payload and an unreachable host with typed errors', async () => {
    const url = await serve(200, '<html>oops</html>');
    await expect(fetchS3Payload(s3Event(url))).rejects.toBeInstanceOf(TerraResponseParseError);
    const closed = `${running?.url}/gone.json`;
    await running?.close();
    running = undefined;
    const error = await fetchS3Payload({ url: closed }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TerraConnectionError);
  });
});
