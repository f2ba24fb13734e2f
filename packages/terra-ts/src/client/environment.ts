/**
 * Reads an environment variable on any runtime without importing `node:process`:
 * Node/Bun expose `process.env`, Deno `Deno.env` (which throws without --allow-env), Workers neither.
 */
export function readEnv(name: string): string | undefined {
  const g = globalThis as {
    process?: { env?: Record<string, string | undefined> };
    Deno?: { env?: { get(key: string): string | undefined } };
  };
  try {
    const value = g.process?.env?.[name] ?? g.Deno?.env?.get(name);
    return value === undefined || value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}

/** Whether this runtime lets a `user-agent` request header through (browsers forbid or ignore it). */
export function canSetUserAgent(): boolean {
  const g = globalThis as { window?: unknown; document?: unknown };
  return g.window === undefined || g.document === undefined;
}
