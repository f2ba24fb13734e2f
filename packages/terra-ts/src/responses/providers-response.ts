/** Wire shape of `GET /integrations`. */
export interface ProvidersResponseJson {
  /** `success`. */
  status?: string;
  /** Providers usable through the web widget / REST auth. */
  providers?: string[];
  /** Providers usable through the mobile SDKs. */
  sdk_providers?: string[];
  /** The older name of `sdk_providers`. */
  sdk_resource?: string[];
  /** Anything else Terra sent, kept as is. */
  [key: string]: unknown;
}

/** The providers Terra supports (`GET /integrations`). */
export class ProvidersResponse {
  /** Discriminant. */
  readonly kind = 'providers' as const;
  /** The wire body. */
  readonly json: ProvidersResponseJson;
  /** `success`. */
  readonly status: string | undefined;
  /** Provider names, e.g. `GARMIN`. */
  readonly providers: string[];
  /** Mobile-SDK-only providers (`sdk_providers`, or the older `sdk_resource`). */
  readonly sdk_providers: string[];

  /** @param json - the wire body (kept by reference). */
  constructor(json: ProvidersResponseJson) {
    this.json = json;
    this.status = json.status;
    this.providers = json.providers ?? [];
    this.sdk_providers = json.sdk_providers ?? json.sdk_resource ?? [];
  }
}
