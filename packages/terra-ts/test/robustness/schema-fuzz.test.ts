import fc from 'fast-check';
import {
  AccessRevokedHookResponse,
  AthleteReturned,
  AuthCancelledHookResponse,
  AuthHookResponse,
  ConnectionErrorHookResponse,
  DataReturned,
  LabReportCompletedHookResponse,
  LabReportFailedHookResponse,
  LargeRequestProcessingHookResponse,
  LargeRequestSendingHookResponse,
  PermissionChangeHookResponse,
  S3PayloadHookResponse,
  TerraWebhooks,
  UserDeauthHookResponse,
  UserReauthHookResponse,
} from 'terra-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terraFor } from '../support/terra-for.js';
import { type Reply, startTestServer, type TestServer } from '../support/test-server.js';
import { schemaErrors, schemasAvailable } from '../webhooks/support/official-schemas.js';
import { SCHEMA_FILE_BY_TYPE } from '../webhooks/support/schema-files.js';
import { nodeHeader, nowSeconds } from '../webhooks/support/sign.js';
import { CANARY_WEBHOOK_SECRET } from './support/canary.js';
import { scaled } from './support/long.js';
import { SchemaArbitraries } from './support/schema-arbitrary.js';

// Short: ~1,000 payloads over all types; long: ~10,000.
const RUNS_PER_TYPE = scaled(45, 450);
const REST_RUNS_PER_TYPE = scaled(15, 150);

/** The class each webhook type with its own official schema must parse to. */
const EXPECTED_CLASS: Record<string, abstract new (...args: never[]) => unknown> = {
  auth: AuthHookResponse,
  auth_cancelled: AuthCancelledHookResponse,
  deauth: UserDeauthHookResponse,
  user_reauth: UserReauthHookResponse,
  access_revoked: AccessRevokedHookResponse,
  connection_error: ConnectionErrorHookResponse,
  permission_change: PermissionChangeHookResponse,
  large_request_processing: LargeRequestProcessingHookResponse,
  large_request_sending: LargeRequestSendingHookResponse,
  s3_payload: S3PayloadHookResponse,
  'lab_report.completed': LabReportCompletedHookResponse,
  'lab_report.failed': LabReportFailedHookResponse,
  athlete: AthleteReturned,
  activity: DataReturned,
  body: DataReturned,
  daily: DataReturned,
  menstruation: DataReturned,
  nutrition: DataReturned,
  sleep: DataReturned,
  planned_workout: DataReturned,
  hormone: DataReturned,
  health_observation: DataReturned,
};

// Legacy types are only described by the base envelope, which says nothing about their fields.
const TYPED = Object.entries(SCHEMA_FILE_BY_TYPE).filter(([, file]) => file !== 'WebhookEvent.yaml');

describe.skipIf(!schemasAvailable)('schema-driven fuzzing', () => {
  const arbitraries = schemasAvailable ? new SchemaArbitraries() : undefined;
  const webhooks = new TerraWebhooks({ secret: CANARY_WEBHOOK_SECRET });

  it('covers every webhook type that has its own official schema', () => {
    expect(TYPED.map(([type]) => type).sort()).toEqual(Object.keys(EXPECTED_CLASS).sort());
  });

  it.each(TYPED)(
    'every valid %s payload (%s) is verified and parsed into its class with every field preserved',
    async (type, file) => {
      await fc.assert(
        fc.asyncProperty((arbitraries as SchemaArbitraries).of(file), async (payload) => {
          // The generator itself must only produce valid payloads, or the property proves nothing.
          expect(schemaErrors(file, payload)).toEqual([]);
          const body = JSON.stringify(payload);
          const header = nodeHeader(CANARY_WEBHOOK_SECRET, nowSeconds(), body);
          const bytes = new TextEncoder().encode(body);
          const response = await webhooks.handleWebhook(bytes, header, { 'x-terra-trace-id': 'trace-1' });
          expect(response.json).toStrictEqual(payload);
          expect(response.event).toBeInstanceOf(EXPECTED_CLASS[type] as never);
          expect((response.event as { type: unknown }).type).toBe(type);
          const json = (response.event as { json?: unknown }).json;
          expect(json).toBe(response.json);
          const p = payload as Record<string, unknown>;
          if (response.event instanceof DataReturned) expect(response.event.data).toBe(response.json.data);
          if (response.event instanceof DataReturned) expect(response.event.data).toStrictEqual(p.data);
          expect(response.delivery.traceId).toBe('trace-1');
        }),
        { numRuns: RUNS_PER_TYPE },
      );
    },
  );
});

describe.skipIf(!schemasAvailable)('schema-driven fuzzing of the base webhook envelope', () => {
  const arbitraries = schemasAvailable ? new SchemaArbitraries() : undefined;
  const webhooks = new TerraWebhooks({ secret: CANARY_WEBHOOK_SECRET });
  // The legacy types have no schema of their own: any envelope, with any type (theirs included), must parse.
  const legacy = Object.entries(SCHEMA_FILE_BY_TYPE)
    .filter(([, file]) => file === 'WebhookEvent.yaml')
    .map(([type]) => type);

  it('any valid WebhookEvent envelope, whatever its type, parses without loss', async () => {
    const envelope = fc.tuple(
      (arbitraries as SchemaArbitraries).of('WebhookEvent.yaml'),
      fc.option(fc.constantFrom(...legacy), { nil: undefined }),
    );
    await fc.assert(
      fc.asyncProperty(envelope, async ([payload, type]) => {
        const json = type === undefined ? payload : { ...(payload as object), type };
        expect(schemaErrors('WebhookEvent.yaml', json)).toEqual([]);
        const body = JSON.stringify(json);
        const response = await webhooks.handleWebhook(
          body,
          nodeHeader(CANARY_WEBHOOK_SECRET, nowSeconds(), body),
        );
        expect(response.json).toStrictEqual(json);
        expect(typeof response.type).toBe('string');
      }),
      { numRuns: RUNS_PER_TYPE * 4 },
    );
  });
});

const REST_TYPES = [
  ['sleep', 'Sleep.yaml', 'getSleepForUser'],
  ['activity', 'Activity.yaml', 'getActivityForUser'],
  ['body', 'Body.yaml', 'getBodyForUser'],
  ['daily', 'Daily.yaml', 'getDailyForUser'],
  ['nutrition', 'Nutrition.yaml', 'getNutritionForUser'],
  ['menstruation', 'Menstruation.yaml', 'getMenstruationForUser'],
] as const;

describe.skipIf(!schemasAvailable)('schema-driven fuzzing of REST data responses over HTTP', () => {
  let server: TestServer;
  let reply: Reply = {};
  beforeAll(async () => {
    server = await startTestServer(() => reply);
  });
  afterAll(() => server.close());
  const arbitraries = schemasAvailable ? new SchemaArbitraries() : undefined;

  it.each(REST_TYPES)(
    'every valid %s record (%s) comes back in a DataReturned, deep-equal',
    async (type, file, method) => {
      const terra = terraFor(server, { maxRetries: 0 });
      const body = fc.record({
        user: (arbitraries as SchemaArbitraries).of('TerraUser.yaml'),
        data: fc.array((arbitraries as SchemaArbitraries).of(file), { maxLength: 3 }),
      });
      await fc.assert(
        fc.asyncProperty(body, async (wire) => {
          const sent = { ...wire, type };
          reply = { body: sent };
          const response = await terra[method]('user-1', { startDate: '2024-01-01', toWebhook: false });
          expect(response.getParsedResponse()).toBeInstanceOf(DataReturned);
          expect((response.getParsedResponse() as DataReturned).json).toStrictEqual(sent);
          expect((response.getParsedResponse() as DataReturned).data).toStrictEqual(wire.data);
        }),
        { numRuns: REST_RUNS_PER_TYPE },
      );
    },
  );
});
