import fc from 'fast-check';
import {
  AthleteReturned,
  AuthCancelledHookResponse,
  DataReturned,
  isTerraWebhookEvent,
  NoDataReturned,
  type ParsedWebhookEvent,
  parseWebhookEvent,
  type Sleep,
  type TerraWebhookEvent,
  UnknownWebhookEvent,
  User,
  WebhookVerificationError,
} from 'terra-ts';
import { examplePayloads, legacyExamplePayloads } from 'terra-ts/testing';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { schemaErrors, schemasAvailable } from '../support/official-schemas.js';
import { SCHEMA_FILE_BY_TYPE } from '../support/schema-files.js';

const types = Object.keys(examplePayloads) as (keyof typeof examplePayloads)[];
const DATA_TYPES = [
  'activity',
  'body',
  'daily',
  'menstruation',
  'nutrition',
  'sleep',
  'planned_workout',
  'hormone',
  'health_observation',
];

// A mutable copy, as JSON.parse would produce from the wire.
const wire = (value: unknown) => structuredClone(value) as Record<string, unknown>;

describe('parseWebhookEvent', () => {
  it.skipIf(!schemasAvailable)('the fixtures used here are valid against the official schemas', () => {
    for (const type of types) {
      expect(schemaErrors(SCHEMA_FILE_BY_TYPE[type] as string, examplePayloads[type])).toEqual([]);
    }
    // And the validator itself rejects a broken one, so the check above means something.
    expect(schemaErrors('SleepEvent.yaml', { type: 'sleep', data: [] })).not.toEqual([]);
  });

  it.each(types)('parses a schema-valid %s body to its own class with a literal type', (type) => {
    const json = wire(examplePayloads[type]);
    const event = parseWebhookEvent(json);
    expect(isTerraWebhookEvent(event)).toBe(true);
    expect(event.type).toBe(type);
    expect(event.json).toBe(json);
    expect(event).not.toBeInstanceOf(UnknownWebhookEvent);
  });

  it('gives every event type a distinct class, data types sharing DataReturned', () => {
    const classes = new Map<string, string>();
    for (const type of types)
      classes.set(type, parseWebhookEvent(wire(examplePayloads[type])).constructor.name);
    for (const type of DATA_TYPES) expect(classes.get(type)).toBe('DataReturned');
    expect(classes.get('athlete')).toBe('AthleteReturned');
    const hookClasses = [...classes].filter(([type]) => !DATA_TYPES.includes(type) && type !== 'athlete');
    expect(new Set(hookClasses.map(([, name]) => name)).size).toBe(hookClasses.length);
    expect(classes.get('auth')).toBe('AuthHookResponse');
    expect(classes.get('deauth')).toBe('UserDeauthHookResponse');
    expect(classes.get('connection_error')).toBe('ConnectionErrorHookResponse');
    expect(classes.get('google_no_datasource')).toBe('GoogleNoDataSourceHookResponse');
    expect(classes.get('request_completed')).toBe('RequestCompletedHookResponse');
  });

  it('keeps wire objects by reference: data, user and nested fields are the parsed objects', () => {
    const json = wire(examplePayloads.sleep);
    const event = parseWebhookEvent(json);
    if (!(event instanceof DataReturned)) throw new Error('expected DataReturned');
    expect(event.data).toBe(json.data);
    expect(event.user).toBeInstanceOf(User);
    expect(event.user.json).toBe(json.user);
    expect(event.user.user_id).toBe('40f7b0e1-89e2-43ac-a5b8-1e29c8d47cad');
  });

  it('parses athlete bodies to AthleteReturned, keeping the profile', () => {
    const json = wire(examplePayloads.athlete);
    const event = parseWebhookEvent(json);
    expect(event).toBeInstanceOf(AthleteReturned);
    expect((event as AthleteReturned).athlete).toBe(json.athlete);
  });

  it('exposes the auth reference_id that the wire carries inside user', () => {
    const event = parseWebhookEvent(wire(examplePayloads.auth));
    if (event.type !== 'auth' || event instanceof UnknownWebhookEvent || event instanceof NoDataReturned) {
      throw new Error('expected auth');
    }
    expect(event.reference_id).toBe('your-user-123');
    expect(event.widget_session_id).toBe('3e982b74-1a94-4d9a-b6a3-f92c6e4d21b5');
  });

  it('parses both failed-auth shapes to the auth_cancelled class, flagging the legacy one', () => {
    const current = parseWebhookEvent(wire(examplePayloads.auth_cancelled));
    const legacy = parseWebhookEvent(wire(legacyExamplePayloads.auth_error));
    expect(current).toBeInstanceOf(AuthCancelledHookResponse);
    expect(legacy).toBeInstanceOf(AuthCancelledHookResponse);
    expect(current.type).toBe('auth_cancelled');
    expect(legacy.type).toBe('auth_cancelled');
    expect((current as AuthCancelledHookResponse).legacy).toBe(false);
    expect((current as AuthCancelledHookResponse).reason).toBe('access_denied');
    expect((legacy as AuthCancelledHookResponse).legacy).toBe(true);
    expect((legacy as AuthCancelledHookResponse).user?.user_id).toBe('40f7b0e1-89e2-43ac-a5b8-1e29c8d47cad');
  });

  it('exposes user_reauth users, large request fields and lab report data', () => {
    const reauth = parseWebhookEvent(wire(examplePayloads.user_reauth));
    const sending = parseWebhookEvent(wire(examplePayloads.large_request_sending));
    const lab = parseWebhookEvent(wire(examplePayloads['lab_report.failed']));
    if (!isTerraWebhookEvent(reauth) || !isTerraWebhookEvent(sending) || !isTerraWebhookEvent(lab))
      throw new Error();
    if (
      reauth.type !== 'user_reauth' ||
      sending.type !== 'large_request_sending' ||
      lab.type !== 'lab_report.failed'
    ) {
      throw new Error('unexpected types');
    }
    expect(reauth.new_user.user_id).toBe('9c8b7a65-4321-4fed-a0b9-87c6d5e4f321');
    expect(reauth.old_user?.user_id).toBe('40f7b0e1-89e2-43ac-a5b8-1e29c8d47cad');
    expect(sending.expected_payloads).toBe(3);
    expect(sending.reference).toBe('d3f1a9c2-6b1e-4f0a-8f21-9e5b2c7a4d10');
    expect(lab.data.error.retriable).toBe(false);
    expect(lab.event_id).toBe('evt_7c1f0a92-52c8-4a63-9082-7e50e2f5a1cd');
  });

  it('parses status not_available bodies to NoDataReturned', () => {
    const json = {
      status: 'not_available',
      type: 'menstruation',
      message: 'Data type requested not available',
    };
    const event = parseWebhookEvent(json);
    expect(event).toBeInstanceOf(NoDataReturned);
    expect(isTerraWebhookEvent(event)).toBe(false);
  });

  it('parses an unknown future type to UnknownWebhookEvent keeping the whole payload', () => {
    const json = {
      type: 'glucose_alert',
      status: 'warning',
      user: { user_id: 'u', provider: 'DEXCOM' },
      level: 3,
    };
    const event = parseWebhookEvent(json);
    expect(event).toBeInstanceOf(UnknownWebhookEvent);
    expect(event.type).toBe('glucose_alert');
    expect(event.json).toBe(json);
    expect(isTerraWebhookEvent(event)).toBe(false);
  });

  it('does not port the old client’s typo: connexion_error is an unknown type', () => {
    expect(
      parseWebhookEvent({ type: 'connexion_error', user: { user_id: 'u', provider: 'X' } }),
    ).toBeInstanceOf(UnknownWebhookEvent);
  });

  it('parses a known type missing the fields its class needs as unknown rather than throwing', () => {
    for (const json of [
      { type: 'sleep' },
      { type: 'sleep', data: {}, user: {} },
      { type: 'athlete', user: { user_id: 'u', provider: 'X' } },
      { type: 'deauth', message: 'no user' },
      { type: 'user_reauth', old_user: {} },
      { type: 's3_payload', url: 42 },
      { type: 'lab_report.completed', data: 'x' },
      { type: 'auth', status: 'success' },
    ]) {
      expect(parseWebhookEvent(json)).toBeInstanceOf(UnknownWebhookEvent);
    }
  });

  it('never resolves a type through the prototype chain', () => {
    for (const type of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(parseWebhookEvent({ type })).toBeInstanceOf(UnknownWebhookEvent);
    }
  });

  it('only ever produces a parsed event, for any JSON value', () => {
    const knownType = fc.constantFrom(...types, 'auth_cancelled', 'unknown_thing', '');
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record(
        { type: knownType, status: fc.option(fc.string()), user: fc.jsonValue(), data: fc.jsonValue() },
        {
          requiredKeys: ['type'],
        },
      ),
      fc.dictionary(fc.string(), fc.jsonValue()),
    );
    fc.assert(
      fc.property(body, (json) => {
        const event = parseWebhookEvent(json);
        expect(
          isTerraWebhookEvent(event) ||
            event instanceof UnknownWebhookEvent ||
            event instanceof NoDataReturned,
        ).toBe(true);
        expect(typeof (event as { type: unknown }).type === 'string' || event instanceof NoDataReturned).toBe(
          true,
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('narrows on type in a switch, and an exhaustive check compiles', () => {
    const describeEvent = (event: TerraWebhookEvent): string => {
      switch (event.type) {
        case 'sleep':
          expectTypeOf(event.data).toEqualTypeOf<Sleep[]>();
          return `sleep:${event.data.length}`;
        case 'auth':
          return `auth:${event.reference_id}`;
        case 'auth_cancelled':
          return `cancelled:${event.reason}`;
        case 'large_request_sending':
          return `sending:${event.expected_payloads}`;
        case 'lab_report.completed':
          return `lab:${event.data.results_count}`;
        case 'athlete':
          return `athlete:${event.athlete.first_name}`;
        case 'deauth':
        case 'user_reauth':
        case 'access_revoked':
        case 'connection_error':
        case 'permission_change':
        case 'google_no_datasource':
        case 'processing':
        case 'request_processing':
        case 'request_completed':
        case 'large_request_processing':
        case 'rate_limit_hit':
        case 'healthcheck':
        case 's3_payload':
        case 'lab_report.failed':
        case 'activity':
        case 'body':
        case 'daily':
        case 'menstruation':
        case 'nutrition':
        case 'planned_workout':
        case 'hormone':
        case 'health_observation':
          return event.type;
        default:
          return event satisfies never;
      }
    };
    const parsed: ParsedWebhookEvent = parseWebhookEvent(wire(examplePayloads.sleep));
    if (!isTerraWebhookEvent(parsed)) throw new Error('expected a typed event');
    expect(describeEvent(parsed)).toBe('sleep:1');
  });

  it('is what handleWebhook uses: a JSON error surfaces as malformed_payload, never a SyntaxError', async () => {
    const { parseWebhookJson } = await import('../../../src/webhooks/events/parse.js');
    for (const text of ['', '{', 'null', '[1]', '"x"', '42']) {
      expect(() => parseWebhookJson(text)).toThrow(WebhookVerificationError);
    }
  });
});
