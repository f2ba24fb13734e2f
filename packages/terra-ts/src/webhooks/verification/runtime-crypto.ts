/**
 * The runtime's `crypto` module when it has one: Node (20.16+), Bun and Deno expose it through
 * `process.getBuiltinModule`, found at run time so the SDK stays import-free; `undefined` elsewhere (workerd,
 * browsers, older Node), where WebCrypto is used. Callers check the functions they need on it.
 */
export function runtimeCryptoModule(): unknown {
  const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    return runtime?.getBuiltinModule?.('crypto');
  } catch {
    return undefined;
  }
}
