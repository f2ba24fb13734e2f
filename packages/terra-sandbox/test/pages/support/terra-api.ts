import type { Sandbox } from 'terra-sandbox';

/** Calls a v2 endpoint of the sandbox with its credentials and returns status and parsed JSON. */
export async function callTerra(
  sandbox: Sandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${sandbox.baseUrl}${path}`, {
    method,
    headers: { 'x-api-key': sandbox.apiKey, 'dev-id': sandbox.devId, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? undefined : JSON.parse(text) };
}

/** The fields of generateWidgetSession's answer the tests use. */
export interface WidgetSessionAnswer {
  session_id: string;
  url: string;
}

/** POST /auth/generateWidgetSession; fails the test unless it answers 200. */
export async function generateWidgetSession(
  sandbox: Sandbox,
  body: Record<string, unknown>,
): Promise<WidgetSessionAnswer> {
  const { status, json } = await callTerra(sandbox, 'POST', '/auth/generateWidgetSession', body);
  if (status !== 200) throw new Error(`generateWidgetSession answered ${status}: ${JSON.stringify(json)}`);
  return json as WidgetSessionAnswer;
}
