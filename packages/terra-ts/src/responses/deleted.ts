/**
 * A delete went through (HTTP 204), or only partly (HTTP 207: some provider-side deletions failed,
 * the workout template was kept; call delete again to finish).
 */
export class Deleted {
  /** Discriminant. */
  readonly kind = 'deleted' as const;
  /** The wire body: undefined for 204, `{ message }` for 207. */
  readonly json: { message?: string; [key: string]: unknown } | undefined;
  /** True on HTTP 207: the cascade did not finish and should be retried. */
  readonly partial: boolean;
  /** Terra's explanation of a partial delete. */
  readonly message: string | undefined;

  /**
   * @param status - the HTTP status (204 or 207).
   * @param json - the body, when there was one (kept by reference).
   */
  constructor(status: number, json: { message?: string; [key: string]: unknown } | undefined) {
    this.json = json;
    this.partial = status === 207;
    this.message = json?.message;
  }
}
