/**
 * Request headers in any common shape: a Fetch API `Headers`, Node's `IncomingHttpHeaders`
 * (or any plain object; names matched case-insensitively), or `[name, value]` pairs.
 */
export type HeadersLike =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | number | undefined>>
  | Iterable<readonly [string, string]>;

/**
 * The Terra delivery headers of one webhook, parsed.
 *
 * - `reference` (`terra-reference`): correlates a delivery with the request that caused it; shared by a large request's chunks.
 * - `traceId` (`X-Terra-Trace-Id`): unique per delivery and stable across retries; the de-duplication key.
 * - `orderingTimestamp` (`x-terra-ordering-timestamp`, unix ms): when Terra emitted it; keep the copy with the highest.
 */
export interface DeliveryHeaders {
  /** `terra-reference`: the originating request; shared by a large request's chunks. */
  readonly reference: string | undefined;
  /** `X-Terra-Trace-Id`: unique per delivery, stable across retries (chunks: `<id>:chunk:<n>`). */
  readonly traceId: string | undefined;
  /** `x-terra-ordering-timestamp`: unix milliseconds when Terra emitted the delivery, unchanged on retry. */
  readonly orderingTimestamp: number | undefined;
}

function firstValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

/** Reads one header, matching its name case-insensitively. Returns `undefined` when absent. */
export function getHeader(headers: HeadersLike | null | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const wanted = name.toLowerCase();
  if (Symbol.iterator in headers && typeof headers[Symbol.iterator] === 'function') {
    for (const entry of headers as Iterable<readonly [string, string]>) {
      if (Array.isArray(entry) && String(entry[0]).toLowerCase() === wanted) return firstValue(entry[1]);
    }
    return undefined;
  }
  const record = headers as Record<string, unknown>;
  if (Object.hasOwn(record, wanted)) return firstValue(record[wanted]);
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() === wanted) return firstValue(record[key]);
  }
  return undefined;
}

/** Reads the Terra signature header: `X-Terra-Signature` as the platform now sends it, else `terra-signature`. */
export function getSignatureHeader(headers: HeadersLike | null | undefined): string | undefined {
  return getHeader(headers, 'x-terra-signature') ?? getHeader(headers, 'terra-signature');
}

/** Parses the delivery headers; absent or malformed ones are `undefined`. */
export function readDeliveryHeaders(headers: HeadersLike | null | undefined): DeliveryHeaders {
  const ordering = getHeader(headers, 'x-terra-ordering-timestamp')?.trim();
  const orderingTimestamp = ordering && /^\d{1,16}$/.test(ordering) ? Number(ordering) : undefined;
  return {
    reference: getHeader(headers, 'terra-reference') || undefined,
    traceId: getHeader(headers, 'x-terra-trace-id') || undefined,
    orderingTimestamp,
  };
}
