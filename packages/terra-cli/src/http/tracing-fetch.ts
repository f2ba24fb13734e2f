import { DryRunStop } from './dry-run.js';
import { formatHeaders } from './redact-headers.js';

/** What the tracing fetch does besides fetching. */
export interface TracingOptions {
  /** The real fetch to call. */
  fetch: typeof fetch;
  /** Print each request and response with headers (credentials redacted) via `trace`. */
  showHeaders: boolean;
  /** Print each request via `printRequest` and send nothing. */
  dryRun: boolean;
  /** Receives the `--show-headers` trace (stderr). */
  trace: (text: string) => void;
  /** Receives the `--dry-run` request (stdout: it is the command's output). */
  printRequest: (text: string) => void;
}

function describeBody(body: BodyInit | null | undefined): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof Uint8Array || body instanceof ArrayBuffer) {
    return new TextDecoder().decode(body instanceof ArrayBuffer ? new Uint8Array(body) : body);
  }
  return `<${Object.prototype.toString.call(body).slice(8, -1)} body>`;
}

function describeRequest(request: Request, body: string | undefined): string {
  const lines = [`${request.method} ${request.url}`, ...formatHeaders(request.headers)];
  if (body !== undefined) lines.push('', body);
  return `${lines.join('\n')}\n`;
}

/**
 * Wraps fetch for `--show-headers` and `--dry-run`. The SDK and the webhook commands all send through it, so one
 * place decides what a trace shows, and the redaction of credential headers cannot be forgotten by a command.
 */
export function createTracingFetch(options: TracingOptions): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const body = describeBody(init?.body);
    if (options.dryRun) {
      options.printRequest(describeRequest(request, body));
      throw new DryRunStop();
    }
    if (options.showHeaders)
      options.trace(`> ${describeRequest(request, undefined).replace(/\n(?=.)/g, '\n> ')}`);
    const response = await options.fetch(input, init);
    if (options.showHeaders) {
      const lines = [`HTTP ${response.status} ${response.statusText}`, ...formatHeaders(response.headers)];
      options.trace(`< ${lines.join('\n< ')}\n`);
    }
    return response;
  };
}
