/** A framework-neutral HTTP answer. */
export interface StoreAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** A JSON answer. */
export function answer(status: number, body: object, headers: Record<string, string> = {}): StoreAnswer {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}
