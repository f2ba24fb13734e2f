import fc from 'fast-check';
import {
  parseWebhookEvent,
  TerraConnectionError,
  TerraError,
  TerraWebhookResponse,
  TerraWebhooks,
  UnknownWebhookEvent,
  WebhookVerificationError,
} from 'terra-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terraFor, wireUser } from '../support/terra-for.js';
import { type Reply, startTestServer, type TestServer } from '../support/test-server.js';
import { schemasAvailable } from '../webhooks/support/official-schemas.js';
import { SCHEMA_FILE_BY_TYPE } from '../webhooks/support/schema-files.js';
import { nodeHeader, nowSeconds } from '../webhooks/support/sign.js';
import { CANARY_WEBHOOK_SECRET } from './support/canary.js';
import { LONG, scaled } from './support/long.js';
import { SchemaArbitraries } from './support/schema-arbitrary.js';
import { prototypeIsClean, touchEverything } from './support/touch.js';

const webhooks = new TerraWebhooks({ secret: CANARY_WEBHOOK_SECRET });
const RUNS = scaled(300, 3_000);

/** Signs and handles `body`; returns the response or the error, and fails on anything that is neither. */
async function deliver(body: string | Uint8Array): Promise<TerraWebhookResponse | WebhookVerificationError> {
  const header = nodeHeader(CANARY_WEBHOOK_SECRET, nowSeconds(), body);
  try {
    const response = await webhooks.handleWebhook(body, header);
    touchEverything(response.event);
    return response;
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return error as WebhookVerificationError;
  }
}

/** Applies random damage to a JSON value: replaced values, deleted keys, wrong types. */
function damage(value: unknown, edits: ReadonlyArray<readonly [number, unknown, boolean]>): unknown {
  const nodes: Array<Record<string, unknown> | unknown[]> = [];
  const walk = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    nodes.push(node as Record<string, unknown>);
    for (const child of Object.values(node)) walk(child);
  };
  walk(value);
  for (const [index, replacement, remove] of edits) {
    const node = nodes[index % nodes.length];
    if (!node) continue;
    const keys = Object.keys(node);
    if (keys.length === 0) continue;
    const key = keys[index % keys.length] as string;
    if (remove && !Array.isArray(node)) delete node[key];
    else (node as Record<string, unknown>)[key] = replacement;
  }
  return value;
}

describe('random garbage never crashes, hangs or pollutes', () => {
  it('any JSON value, signed, becomes a parsed event or a WebhookVerificationError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
        const outcome = await deliver(JSON.stringify(value) ?? 'null');
        if (outcome instanceof WebhookVerificationError) expect(outcome.reason).toBe('malformed_payload');
      }),
      { numRuns: RUNS },
    );
    expect(prototypeIsClean()).toBe(true);
  });

  it('parseWebhookEvent takes any value at all, typed or not, without throwing', () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true }),
        (value) => {
          touchEverything(parseWebhookEvent(value));
        },
      ),
      { numRuns: RUNS },
    );
    const types = Object.keys(SCHEMA_FILE_BY_TYPE);
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.dictionary(fc.string(), fc.anything()), (type, rest) => {
        touchEverything(parseWebhookEvent({ ...rest, type }));
      }),
      { numRuns: RUNS },
    );
  });

  it.skipIf(!schemasAvailable)(
    'valid payloads with wrong types and missing fields still parse or fail typed',
    async () => {
      const arbitraries = new SchemaArbitraries(4);
      const files = [...new Set(Object.values(SCHEMA_FILE_BY_TYPE))];
      const damaged = fc
        .constantFrom(...files)
        .chain((file) =>
          fc.tuple(
            arbitraries.of(file),
            fc.array(fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 }), fc.boolean()), {
              minLength: 1,
              maxLength: 6,
            }),
          ),
        )
        // A copy: fast-check may hand the same generated value out again while shrinking.
        .map(([payload, edits]) => damage(structuredClone(payload), edits));
      await fc.assert(
        fc.asyncProperty(damaged, async (payload) => {
          const body = JSON.stringify(payload);
          const outcome = await deliver(body);
          // Compared as text: the damage may hold -0, which JSON writes as 0.
          if (outcome instanceof TerraWebhookResponse)
            expect(JSON.stringify(outcome.json) === body).toBe(true);
        }),
        { numRuns: RUNS },
      );
    },
  );

  it('random bytes, invalid UTF-8 included, signed or not, come out typed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), fc.boolean(), async (bytes, sign) => {
        if (sign) {
          await deliver(bytes);
          return;
        }
        const error = await webhooks.handleWebhook(bytes, `t=1,v1=${'0'.repeat(64)}`).catch((e) => e);
        expect(error).toBeInstanceOf(WebhookVerificationError);
      }),
      { numRuns: RUNS },
    );
    // Invalid UTF-8 inside a JSON string: decoded with replacement characters, still one parsed event.
    const prefix = new TextEncoder().encode('{"type":"healthcheck","note":"');
    const body = new Uint8Array([...prefix, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]);
    const outcome = await deliver(body);
    expect(outcome).toBeInstanceOf(TerraWebhookResponse);
    expect((outcome as TerraWebhookResponse).json.note).toBe('\ufffd\ufffd\ufffd(');
  });

  it('deeply nested bodies are refused or parsed, never a stack overflow', async () => {
    const depth = scaled(100_000, 1_000_000);
    // Vitest would overflow printing such a value, so only booleans are compared.
    const array = await deliver(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    expect(array instanceof WebhookVerificationError && array.reason === 'malformed_payload').toBe(true);
    const object = await deliver(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
    expect(object instanceof TerraWebhookResponse && object.event instanceof UnknownWebhookEvent).toBe(true);
    // Deep nesting inside an otherwise valid event is kept as is.
    const nested = `{"type":"sleep","user":${JSON.stringify(wireUser())},"data":[${'['.repeat(2_000)}${']'.repeat(2_000)}]}`;
    const outcome = await deliver(nested);
    expect(outcome).toBeInstanceOf(TerraWebhookResponse);
    expect((outcome as TerraWebhookResponse).type).toBe('sleep');
  });

  it('duplicate keys: the last one wins, as in JSON.parse, and the event matches it', async () => {
    const user = JSON.stringify(wireUser());
    const outcome = await deliver(`{"type":"auth","type":"sleep","user":${user},"data":[],"data":[{"a":1}]}`);
    expect(outcome).toBeInstanceOf(TerraWebhookResponse);
    expect((outcome as TerraWebhookResponse).type).toBe('sleep');
    expect((outcome as TerraWebhookResponse).json.data).toEqual([{ a: 1 }]);
  });

  it('__proto__ keys stay plain data and never reach Object.prototype', async () => {
    const user = { ...wireUser() };
    const body = `{"__proto__":{"polluted":true,"isAdmin":true},"type":"sleep","user":${JSON.stringify(user).replace('{', '{"__proto__":{"polluted":1},')},"data":[{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":true}}}]}`;
    const outcome = await deliver(body);
    expect(outcome).toBeInstanceOf(TerraWebhookResponse);
    const response = outcome as TerraWebhookResponse;
    expect(Object.getPrototypeOf(response.json)).toBe(Object.prototype);
    expect(Object.hasOwn(response.json, '__proto__')).toBe(true);
    expect(response.type).toBe('sleep');
    expect(prototypeIsClean()).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), async (a, b) => {
        await deliver(`{"__proto__":${JSON.stringify(a)},"type":"sleep","constructor":${JSON.stringify(b)}}`);
      }),
      { numRuns: scaled(50, 500) },
    );
    expect(prototypeIsClean()).toBe(true);
  });

  it(`a ${LONG ? 100 : 10} MB delivery is verified and parsed whole`, async () => {
    const megabytes = LONG ? 100 : 10;
    const record = JSON.stringify({
      metadata: { start_time: '2024-01-01T00:00:00Z', end_time: '2024-01-02T00:00:00Z', upload_type: 1 },
      pad: 'z'.repeat(1_000),
    });
    const count = Math.ceil((megabytes * 1_000_000) / (record.length + 1));
    const body = `{"type":"sleep","user":${JSON.stringify(wireUser())},"data":[${Array(count).fill(record).join(',')}]}`;
    expect(body.length).toBeGreaterThan(megabytes * 1_000_000);
    const outcome = await deliver(new TextEncoder().encode(body));
    expect(outcome).toBeInstanceOf(TerraWebhookResponse);
    expect(((outcome as TerraWebhookResponse).json.data as unknown[]).length).toBe(count);
  }, 120_000);
});

describe('garbage from the API never escapes as anything but a TerraError', () => {
  let server: TestServer;
  let reply: Reply = {};
  beforeAll(async () => {
    server = await startTestServer(() => reply);
  });
  afterAll(() => server.close());

  const statuses = [200, 201, 202, 204, 301, 400, 401, 403, 404, 408, 413, 422, 429, 500, 502, 503, 504];
  const bodies = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.string({ unit: 'binary' }),
    fc.constant('<html><body>502 Bad Gateway</body></html>'),
    fc.constant('{"user":'),
    fc.constant(''),
  );
  const headers = fc.dictionary(
    fc.constantFrom('retry-after', 'x-terra-ratelimit-remaining', 'content-type', 'x-terra-ratelimit-reset'),
    fc.string({ unit: 'grapheme-ascii', maxLength: 20 }).map((text) => text.replace(/[^\x20-\x7e]/g, '')),
  );

  it('every endpoint answers a parsed object or a TerraError for any status, body and headers', async () => {
    const terra = terraFor(server, { maxRetries: 0, timeoutMs: 5_000 });
    const calls = [
      () => terra.listProviders(),
      () => terra.getUserInfo({ userId: 'u1' }),
      () => terra.getSleepForUser('u1', { startDate: '2024-01-01', toWebhook: false }),
      () => terra.getAthleteForUser('u1', { toWebhook: false }),
      () => terra.generateWidgetSession({ referenceId: 'r' } as never),
      () => terra.listUsers(),
      () => terra.deauthenticateUser('u1'),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...statuses),
        bodies,
        headers,
        fc.nat(calls.length - 1),
        async (status, body, hdrs, which) => {
          const statusAllowsBody = status !== 204;
          reply = { status, headers: hdrs, body: statusAllowsBody ? body : undefined };
          try {
            const response = await (calls[which] as () => Promise<{ getParsedResponse(): unknown }>)();
            touchEverything(response.getParsedResponse());
          } catch (error) {
            expect(error).toBeInstanceOf(TerraError);
            // A 2xx is never reported as a connection or timeout problem.
            if (status >= 200 && status < 300) expect(error).not.toBeInstanceOf(TerraConnectionError);
          }
        },
      ),
      { numRuns: scaled(200, 2_000) },
    );
    expect(prototypeIsClean()).toBe(true);
  });

  it('__proto__ keys in chunked data responses stay data', async () => {
    const terra = terraFor(server, { maxRetries: 0 });
    reply = {
      body: `{"__proto__":{"polluted":true},"type":"sleep","user":{"__proto__":{"isAdmin":true},"user_id":"u1","provider":"OURA"},"data":[{"__proto__":{"polluted":true}}]}`,
      headers: { 'content-type': 'application/json' },
    };
    const response = await terra.getSleepForUser('u1', {
      startDate: '2024-01-01',
      endDate: '2024-03-01',
      toWebhook: false,
      chunkDays: 10,
    });
    expect(response.getParsedResponse().kind).toBe('data_returned');
    expect(prototypeIsClean()).toBe(true);
  });
});
