import { TerraError } from './terra-error.js';

/**
 * A 2xx response whose body is not the JSON Terra promises: HTML (usually a wrong `baseUrl` or a proxy page),
 * a truncated body (the connection was cut), an empty body, or JSON of an unexpected shape.
 */
export class TerraResponseParseError extends TerraError {
  /** The HTTP status of the response. */
  readonly status: number;
  /** The first few hundred characters of the body, to help you see what came back. */
  readonly bodyExcerpt: string;

  /**
   * @param message - what was wrong with the body and what to check.
   * @param status - the HTTP status.
   * @param bodyExcerpt - the start of the body.
   */
  constructor(message: string, status: number, bodyExcerpt: string, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
    this.bodyExcerpt = bodyExcerpt;
  }
}
