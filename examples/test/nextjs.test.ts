import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  deliverTo,
  type ExampleSandbox,
  expectedLines,
  startExampleSandbox,
} from './support/example-sandbox.js';

/**
 * What Next.js does for an App Router route, without Next: turn the incoming HTTP request into a web
 * `Request` (body streamed as received), call the exported `POST`, and write its `Response` back.
 */
function serveRoute(post: (request: Request) => Promise<Response>): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks),
    });
    const response = await post(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/api/webhooks/terra`, server });
    });
  });
}

describe('the Next.js App Router route handler (app/api/webhooks/terra/route.ts)', () => {
  let example: ExampleSandbox;
  let served: { url: string; server: Server };
  const printed: string[] = [];

  beforeAll(async () => {
    example = await startExampleSandbox();
    // The route reads its secret at module load, as in a Next.js deployment.
    vi.stubEnv('TERRA_WEBHOOK_SECRET', example.sandbox.secret);
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
      printed.push(String(line));
    });
    const route = await import('../nextjs/app/api/webhooks/terra/route.js');
    served = await serveRoute(route.POST);
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    await new Promise<void>((resolve) => served?.server.close(() => resolve()));
    await example?.close();
  });

  it('exports POST(request: Request) and the Node runtime, as Next.js expects', async () => {
    const route = await import('../nextjs/app/api/webhooks/terra/route.js');
    expect(typeof route.POST).toBe('function');
    expect(route.POST.length).toBe(1);
    expect(route.runtime).toBe('nodejs');
  });

  it('acknowledges the sandbox’s signed deliveries, runs its handlers and refuses a forged one', async () => {
    const outcome = await deliverTo(example, served.url);
    expect(outcome.deliveries).toEqual(
      expect.arrayContaining([
        { type: 'auth', status: 'delivered', answered: 200 },
        { type: 'sleep', status: 'delivered', answered: 200 },
      ]),
    );
    expect(outcome.forgedStatus).toBe(401);
    expect(printed).toEqual(expect.arrayContaining(expectedLines(example.userId, outcome.nights)));
  });
});
