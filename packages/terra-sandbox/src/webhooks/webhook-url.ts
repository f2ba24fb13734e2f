/** Thrown when a webhook URL is not an absolute http(s) URL; the message says what to pass instead. */
export class WebhookUrlError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookUrlError';
  }
}

const EXAMPLE = 'http://127.0.0.1:3000/hooks';

/**
 * Checks a webhook URL: an absolute `http:` or `https:` URL, loopback or not (the sandbox POSTs to
 * whatever it is given). Any other scheme (`file:`, `ftp:`, `javascript:`, `data:`) or text that is
 * not a URL throws a {@link WebhookUrlError} naming `what` (the option, flag or field).
 */
export function checkWebhookUrl(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new WebhookUrlError(`${what} must be an http(s) URL such as ${EXAMPLE}, got ${describe(value)}`);
  }
  let protocol: string;
  try {
    protocol = new URL(value).protocol;
  } catch {
    throw new WebhookUrlError(
      `${what} is not a URL: ${JSON.stringify(value)}; pass an absolute http(s) URL such as ${EXAMPLE}`,
    );
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new WebhookUrlError(
      `${what} must use http: or https:, not ${protocol} (${JSON.stringify(value)}); webhooks are HTTP POSTs, e.g. ${EXAMPLE}`,
    );
  }
  return value;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  return typeof value;
}
