import {
  type AuthCancelledHookResponse,
  dispatchWebhookEvent,
  type Menstruation,
  NoDataReturned,
  type UnknownWebhookEvent,
  type WebhookHandlers,
} from 'terra-ts';
import { examplePayloads, legacyExamplePayloads } from 'terra-ts/testing';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { delivery } from '../../support/delivery.js';

describe('dispatchWebhookEvent', () => {
  it('calls the handler for the event type with the event and the delivery', async () => {
    const calls: unknown[] = [];
    const handlers: WebhookHandlers = {
      menstruation: (event, response) => {
        expectTypeOf(event.data).toEqualTypeOf<Menstruation[]>();
        calls.push([event.type, response.type]);
        return 'stored';
      },
    };
    expect(await dispatchWebhookEvent(handlers, delivery(examplePayloads.menstruation))).toBe('stored');
    expect(calls).toEqual([['menstruation', 'menstruation']]);
  });

  it('routes both failed-auth shapes to auth_cancelled, not auth', async () => {
    const seen: boolean[] = [];
    const handlers: WebhookHandlers = {
      auth: () => {
        throw new Error('not a successful auth');
      },
      auth_cancelled: (event) => {
        expectTypeOf(event).toEqualTypeOf<AuthCancelledHookResponse>();
        seen.push(event.legacy);
      },
    };
    await dispatchWebhookEvent(handlers, delivery(examplePayloads.auth_cancelled));
    await dispatchWebhookEvent(handlers, delivery(legacyExamplePayloads.auth_error));
    expect(seen).toEqual([false, true]);
  });

  it('routes unknown types to `unknown` and not_available bodies to `no_data`', async () => {
    const seen: string[] = [];
    const handlers: WebhookHandlers = {
      unknown: (event) => {
        expectTypeOf(event).toEqualTypeOf<UnknownWebhookEvent>();
        seen.push(`unknown:${event.type}`);
      },
      no_data: (event) => {
        expect(event).toBeInstanceOf(NoDataReturned);
        seen.push('no_data');
      },
    };
    await dispatchWebhookEvent(handlers, delivery({ type: 'sleep_v2' }));
    await dispatchWebhookEvent(
      handlers,
      delivery({ type: 'sleep', status: 'not_available', message: 'n/a' }),
    );
    // A body with a known type but missing fields goes to `unknown`, never to the typed handler.
    await dispatchWebhookEvent(handlers, delivery({ type: 'sleep' }));
    expect(seen).toEqual(['unknown:sleep_v2', 'no_data', 'unknown:sleep']);
  });

  it('resolves undefined when no handler matches, and propagates handler errors', async () => {
    expect(await dispatchWebhookEvent({}, delivery(examplePayloads.body))).toBeUndefined();
    await expect(
      dispatchWebhookEvent(
        {
          body: async () => {
            throw new Error('failed');
          },
        },
        delivery(examplePayloads.body),
      ),
    ).rejects.toThrow('failed');
  });
});
