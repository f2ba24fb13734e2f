import type { DataType } from '../resources/data-types.js';

/** One provider of `GET /integrations/detailed`. */
export interface IntegrationProvider {
  /** Provider key, e.g. `GARMIN`. */
  provider?: string;
  /** Display name. */
  name?: string;
  /** Icon URL. */
  icon?: string;
  /** Setup kind. */
  setup?: string;
  /** Whether it is enabled for your account. */
  enabled?: boolean;
  /** Which data types it offers. */
  types?: { [type in DataType]?: boolean } & { [key: string]: boolean | undefined };
  /** Anything else Terra sent, kept as is. */
  [key: string]: unknown;
}

/** Wire shape of `GET /integrations/detailed`. */
export interface DetailedIntegrationsJson {
  /** `success`. */
  status?: string;
  /** The providers. */
  providers?: IntegrationProvider[];
  /** Anything else Terra sent, kept as is. */
  [key: string]: unknown;
}

/** Providers with their names, icons and supported data types. */
export class DetailedIntegrations {
  /** Discriminant. */
  readonly kind = 'detailed_integrations' as const;
  /** The wire body. */
  readonly json: DetailedIntegrationsJson;
  /** `success`. */
  readonly status: string | undefined;
  /** The providers, by reference. */
  readonly providers: IntegrationProvider[];

  /** @param json - the wire body (kept by reference). */
  constructor(json: DetailedIntegrationsJson) {
    this.json = json;
    this.status = json.status;
    this.providers = json.providers ?? [];
  }
}
