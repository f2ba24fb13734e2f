import type { TerraUser } from '../../models/index.js';
import type { UserClient } from '../../user.js';
import type { WebhookEventFields } from './event-fields.js';
import { HookResponse } from './hook-response.js';
import { UserNoticeHookResponse } from './user-notice.js';

/** The names of `J`'s wire fields an event class can show (the ones {@link WebhookEventFields} documents). */
export type EventFieldName<J> = keyof J & keyof WebhookEventFields & string;

/**
 * What a webhook event class is built from: its base `B`, the literal `type`
 * and each listed wire field `K`, typed by the wire interface `J` and documented by {@link WebhookEventFields}.
 */
export type EventView<B, J, Type extends string, K extends EventFieldName<J>> = B & {
  /** Discriminant. */
  readonly type: Type;
} & { readonly [P in keyof Pick<WebhookEventFields, K>]: J[P] };

/**
 * The base class of a webhook event described by its wire interface, its `type` and the fields it shows:
 * `class S3PayloadHookResponse extends eventView<S3PayloadEvent>()('s3_payload', ['url', 'expires_in']) {}`.
 * Each field is read from `json` once, by reference; `instanceof` works on the subclass and on {@link HookResponse}.
 */
export function eventView<J extends object>() {
  return <const Type extends string, const K extends EventFieldName<J>>(type: Type, fields: readonly K[]) =>
    withFields(HookResponse, type, fields) as unknown as {
      /** @param json - the parsed body (kept by reference). */
      new (json: J): EventView<HookResponse<J>, J, Type, K>;
    };
}

/** As {@link eventView}, for events about one user: `user` is a `User` bound to the client given. */
export function userEventView<J extends { user: TerraUser }>() {
  return <const Type extends string, const K extends EventFieldName<J>>(type: Type, fields: readonly K[]) =>
    withFields(UserNoticeHookResponse as EventBase, type, fields) as unknown as {
      /** @param json - the parsed body (kept by reference). @param client - binds `user`. */
      new (json: J, client?: UserClient): EventView<UserNoticeHookResponse<J>, J, Type, K>;
    };
}

type EventBase = abstract new (json: object, client?: UserClient) => HookResponse<object>;

function withFields(Base: EventBase, type: string, fields: readonly string[]) {
  abstract class View extends Base {
    readonly type = type;
    constructor(json: object, client?: UserClient) {
      super(json, client);
      // By reference, as every parsed class holds the wire data.
      for (const field of fields)
        (this as Record<string, unknown>)[field] = (json as Record<string, unknown>)[field];
    }
  }
  return View;
}
