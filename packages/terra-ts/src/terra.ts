import { readEnv } from './client/environment.js';
import type { TerraOptions } from './client/options.js';
import { registeredContext } from './resources/client-context.js';
import { TerraClient } from './terra-client.js';
import type { HeadersLike } from './webhooks/delivery/delivery-headers.js';
import type { NodeRequestLike } from './webhooks/delivery/node-request.js';
import type { WebhookPayload } from './webhooks/delivery/raw-payload.js';
import type { TerraWebhookResponse } from './webhooks/delivery/webhook-response.js';
import { TerraWebhooks } from './webhooks/terra-webhooks.js';

/**
 * The Terra API client.
 *
 * Credentials come from the options or the `TERRA_API_KEY` / `TERRA_DEV_ID` environment variables. A client
 * without any is built all the same and calls the public endpoints (`listProviders`, `listProvidersDetailed`)
 * without credentials; any other call rejects with a `TerraInvalidArgumentError` naming what to set.
 * It is {@link TerraClient} plus webhook verification and parsing (`handleWebhook`, `checkTerraSignature`,
 * `handleExpressWebhook` and `webhooks`). Every call resolves to a {@link TerraApiResponse}; failures reject with a `TerraError` subclass.
 * Workout templates, planned workouts and lab reports are classes built from the client
 * (`new Workouts(terra)`, `new PlannedWorkouts(terra)`, `new LabReports(terra)`), so bundles without them stay small.
 *
 * @example
 * ```ts
 * const terra = new Terra({ apiKey: process.env.TERRA_API_KEY, devId: 'my-dev-id' });
 * const { auth_url } = (await terra.generateAuthenticationUrl({ resource: 'GARMIN' })).getParsedResponse();
 * ```
 */
export class Terra extends TerraClient {
  /**
   * Webhook verification and parsing with this client's `secret` and `fetch`. For an endpoint, pass the client
   * to `createFetchWebhookHandler` or `createNodeWebhookHandler`.
   */
  readonly webhooks: TerraWebhooks;

  /**
   * @param options - credentials, settings and the webhook signing secret; see {@link TerraOptions}.
   * @throws TerraInvalidArgumentError when the options name only one of `apiKey` and `devId` (and the
   *   environment lacks the other), or an option is malformed.
   */
  constructor(options: TerraOptions = {}) {
    super(options);
    const { config } = registeredContext(this);
    this.webhooks = new TerraWebhooks({
      secret: options.secret ?? readEnv('TERRA_WEBHOOK_SECRET'),
      toleranceSeconds: options.webhookToleranceSeconds,
      fetch: config.fetch,
      client: this,
      maxResponseBytes: config.maxResponseBytes,
    });
  }

  // --- webhooks (delegates to this.webhooks) ---

  /**
   * Verifies a webhook delivery and parses it. Python: `handle_webhook(payload, terra_signature_header)`.
   * See {@link TerraWebhooks.handleWebhook}.
   *
   * @example
   * ```ts
   * const delivery = await terra.handleWebhook(await request.text(), request.headers.get('terra-signature'));
   * const event = delivery.getParsedResponse();
   * ```
   */
  handleWebhook(
    payload: WebhookPayload,
    terraSignatureHeader?: string | null,
    headers?: HeadersLike,
  ): Promise<TerraWebhookResponse> {
    return this.webhooks.handleWebhook(payload, terraSignatureHeader, headers);
  }

  /** Whether a signature header is valid for a raw body. Python: `check_terra_signature(body, header)`. */
  checkTerraSignature(body: WebhookPayload, header: string | null | undefined): Promise<boolean> {
    return this.webhooks.checkTerraSignature(body, header);
  }

  /**
   * Verifies and parses the delivery in an Express, Fastify or `node:http` request, reading the raw
   * body itself. Python: `handle_flask_webhook(request)`. See {@link TerraWebhooks.handleExpressWebhook}.
   */
  handleExpressWebhook(req: NodeRequestLike): Promise<TerraWebhookResponse> {
    return this.webhooks.handleExpressWebhook(req);
  }
}
